using System.Diagnostics;

namespace NegotiationTracker.Testing;

/// <summary>
/// The real `negotiation` program, built beside these tests, run as its own process as a user runs it. Compiled into each
/// test project that runs it (linked from tests/Shared), as <see cref="TestDatabase"/> and <see cref="ChildProcess"/> are.
/// </summary>
public static class NegotiationProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The variables that would point the program elsewhere than the test says.</summary>
    private static readonly string[] Inherited = ["NEGOTIATION_TRACKER_DB", "NEGOTIATION_TRACKER_HOME", "NEGOTIATION_TRACKER_SERVER", "NEGOTIATION_TRACKER_API_KEY"];

    public static Task<CliOutput> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.RunAsync(StartInfo(args, environment), Timeout);

    /// <summary>The program started and left running, for a test that kills it (see <see cref="ChildProcess.Start"/>).</summary>
    public static Process Start(IEnumerable<string> args) => ChildProcess.Start(StartInfo(args, null));

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The CLI as built beside these tests (same configuration), through this project's reference to it.</summary>
    private static string Program
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var path = Path.Combine(RepositoryRoot, "src", "NegotiationTracker.Cli", "bin", configuration, "net10.0", "negotiation.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build the CLI first", path);
        }
    }

    private static string RepositoryRoot { get; } = FindRoot();

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
