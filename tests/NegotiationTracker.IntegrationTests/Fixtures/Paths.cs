namespace NegotiationTracker.IntegrationTests.Fixtures;

public static class Paths
{
    /// <summary>The repository's root folder, found from the test binaries upwards.</summary>
    public static string Repository
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "NegotiationTracker.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException("NegotiationTracker.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Seed => Path.Combine(Repository, "seeds", "us-iraq-withdrawal.yaml");
}
