using System.Diagnostics;

namespace NegotiationTracker.Testing;

public sealed record CliOutput(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}

/// <summary>
/// The real `negotiation` program, built beside these tests, run as its own process as a user runs it. Compiled into each
/// test project that runs it (linked from tests/Shared), as <see cref="TestDatabase"/> is.
/// </summary>
public static class NegotiationProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The variables that would point the program elsewhere than the test says.</summary>
    private static readonly string[] Inherited = ["NEGOTIATION_TRACKER_DB", "NEGOTIATION_TRACKER_HOME", "NEGOTIATION_TRACKER_SERVER", "NEGOTIATION_TRACKER_API_KEY"];

    public static async Task<CliOutput> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, environment)) ?? throw new InvalidOperationException("dotnet did not start");
        return await RunToEndAsync(process, Timeout);
    }

    /// <summary>
    /// Any program the tests started with both outputs redirected, run to its end: the outputs are read while it runs, so a
    /// full pipe never blocks it, and past <paramref name="timeout"/> it is killed and <see cref="OperationCanceledException"/> thrown.
    /// </summary>
    public static async Task<CliOutput> RunToEndAsync(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung program must not outlive the test that gave up on it.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliOutput(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The program started and left running, for a test that kills it (<see cref="Process.Kill(bool)"/> is SIGKILL on Linux).
    /// Its output is read and dropped, so a full pipe never blocks it.
    /// </summary>
    public static Process Start(IEnumerable<string> args)
    {
        var process = Process.Start(StartInfo(args, null)) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
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
