namespace NegotiationTracker.Server.Tests.Fixtures;

public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(RepositoryRoot, "seeds", name);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"NegotiationTracker.sln not found above {AppContext.BaseDirectory}");
    }
}
