using System.Diagnostics;

namespace NegotiationTracker.Testing;

/// <summary>What a program run by a test printed, and how it exited.</summary>
public sealed record CliOutput(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}

/// <summary>
/// A program a test runs as its own process (the CLI, the OpenAPI linters, Chromium), with its output redirected and read
/// as it runs, so a full pipe never blocks it. Compiled into each test project that runs one (linked from tests/Shared).
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="start"/> to its end. One that has not ended within <paramref name="timeout"/> is killed with
    /// its children, and the run fails with a <see cref="TimeoutException"/>.
    /// </summary>
    public static async Task<CliOutput> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Launch(start);
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
            throw new TimeoutException($"{start.FileName} did not finish within {timeout.TotalSeconds:0} s: {string.Join(' ', start.ArgumentList)}");
        }

        return new CliOutput(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// <paramref name="start"/> started and left running, for a test that kills it (<see cref="Process.Kill(bool)"/> is
    /// SIGKILL on Linux). Its output is read and dropped.
    /// </summary>
    public static Process Start(ProcessStartInfo start)
    {
        var process = Launch(start);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Process Launch(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
    }
}
