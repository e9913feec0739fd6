using System.Diagnostics;

namespace NegotiationTracker.IntegrationTests.Fixtures;

public sealed record CliOutput(int ExitCode, string Out, string Error);

/// <summary>Runs the real `negotiation` program as its own process, as a user would.</summary>
public static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<CliOutput> RunAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Paths.Repository,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(connectionString);
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("NEGOTIATION_TRACKER_DB");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CliOutput(process.ExitCode, await output, await error);
    }

    /// <summary>The CLI as built beside these tests (same configuration).</summary>
    private static string Program
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var path = Path.Combine(Paths.Repository, "src", "NegotiationTracker.Cli", "bin", configuration, "net10.0", "negotiation.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build the CLI first", path);
        }
    }
}
