namespace NegotiationTracker.Hosting.Tests.Architecture;

/// <summary>The clone the tests run in, found from the test's own folder.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NegotiationTracker.sln not found above the test's folder");
    }
}
