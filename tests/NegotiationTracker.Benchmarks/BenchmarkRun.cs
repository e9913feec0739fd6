using System.CommandLine;
using NegotiationTracker.Benchmarks.Cases;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Benchmarks.Reporting;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks;

/// <summary>One run of the harness: every case asked for, against one database, in one process; tables, targets and the JSON file.</summary>
public static class BenchmarkRun
{
    public static Task<int> MainAsync(string[] args)
    {
        var root = new RootCommand("negotiation-bench: the product's cases measured side by side against raw PostgreSQL and plain Marten");
        foreach (var option in BenchmarkOptions.All)
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            BenchmarkOptions options;
            try
            {
                options = BenchmarkOptions.From(result);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            return await RunAsync(options, args, cancellationToken);
        });
        return root.Parse(args).InvokeAsync();
    }

    public static async Task<int> RunAsync(BenchmarkOptions options, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;

        // Redirected to a file or a CI log, Spectre would wrap the tables at 80 columns.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }

        var database = await BenchDatabase.OpenAsync(options, cancellationToken);
        var machine = Machine.This();
        var commit = await CommitAsync();
        AnsiConsole.MarkupLineInterpolated($"[bold]negotiation-bench[/] {commit} cases {string.Join(",", options.Cases.Order())}, scale {options.Scale}, {options.Repeat} repetition(s)");
        AnsiConsole.MarkupLineInterpolated($"{machine.ProcessorCount} cores, {machine.Os}, {machine.Runtime}, {machine.MemoryBytes / (1024 * 1024):N0} MB; {database.Where}");
        AnsiConsole.MarkupLineInterpolated($"max_connections {database.Settings["max_connections"]}, fsync {database.Settings["fsync"]}, synchronous_commit {database.Settings["synchronous_commit"]}, shared_buffers {database.Settings["shared_buffers"]}");
        AnsiConsole.WriteLine();

        var reports = new List<CaseReport>();
        var failures = new List<CaseFailure>();
        using var ledger = new LedgerAtScale(database, options);

        // Memory first, while the process holds nothing of the other cases; then the rest in the issue's order.
        foreach (var number in options.Cases.OrderBy(c => c == 6 ? 0 : c))
        {
            try
            {
                var report = number switch
                {
                    1 => await new RecordingStatements(database, options).RunAsync(cancellationToken),
                    2 => await new SeedImport(database, options).RunAsync(cancellationToken),
                    3 => await new ProjectionRebuild(database, options, ledger).RunAsync(cancellationToken),
                    4 => await new Queries(options, ledger).RunAsync(cancellationToken),
                    5 => await new ReplayAsOf(options, ledger).RunAsync(cancellationToken),
                    6 => await new GrainMemory(database, options).RunAsync(cancellationToken),
                    _ => throw new ArgumentOutOfRangeException(nameof(options), $"no case {number}"),
                };
                reports.Add(report);
                Tables.Write(report, options.Repeat);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One case failing must not cost the figures of the others; the run still ends in failure.
                failures.Add(new CaseFailure(number, e.ToString()));
                AnsiConsole.MarkupLineInterpolated($"[red]Case {number} failed:[/] {e.Message}");
                Console.Error.WriteLine(e);
            }
        }

        reports.Sort((a, b) => a.Number.CompareTo(b.Number));
        var targets = reports.SelectMany(r => r.Targets).ToList();
        if (targets.Count > 0)
        {
            Tables.WriteTargets(targets, options.Scale);
        }

        if (options.Out is { } path)
        {
            var results = new RunResults(arguments, commit, startedAt, DateTimeOffset.UtcNow, machine, database.Where, database.Settings, options.Scale, options.Repeat, reports, targets, failures);
            await results.WriteAsync(path);
            AnsiConsole.MarkupLineInterpolated($"Figures written to {Path.GetFullPath(path)}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The commit measured, so figures can be tied to code; null outside a git checkout.</summary>
    private static async Task<string?> CommitAsync()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "describe --always --dirty")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null)
            {
                return null;
            }

            var commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
