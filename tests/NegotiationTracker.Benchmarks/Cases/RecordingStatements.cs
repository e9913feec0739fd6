using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Statements;
using Npgsql;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// Case 1: statements recorded durably and acknowledged, one per call, by 1, 16, 64 and 256 concurrent parties, for a fixed
/// time per round: raw Npgsql (a), plain Marten (b) and the product's party grains (c), alternating within each repetition.
/// </summary>
public sealed partial class RecordingStatements(BenchDatabase database, BenchmarkOptions options)
{
    private const string RawSchema = "bench_raw";
    private const string MartenSchema = "bench_marten";
    private const string LedgerSchema = "bench_recording";

    public async Task<CaseReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new CaseReport(1, "Recording statements", "statements recorded per second, durable and acknowledged, and each call's latency, by concurrent parties");
        var round = options.RecordingRound;
        report.Sizes["roundSeconds"] = round.TotalSeconds;
        report.Sizes["eventJsonBytes"] = JsonSerializer.SerializeToUtf8Bytes(RecordedStatement.Event("recording-16-r1", "speaker-001", "w15-s1234"), RecordedStatement.Json).Length;
        report.Notes.Add("(a) one INSERT of the event's JSON per transaction (autocommit); (b) plain Marten with its defaults, a schema of its own and no projections, one Append + SaveChangesAsync per event; (c) the product: IPartyGrain.MakeStatement per statement (party grain → validation against the negotiation grain → sealed append with its expected version → inline projections).");
        report.Notes.Add($"Every variant writes the same StatementMade event (~{report.Sizes["eventJsonBytes"]:0} bytes of JSON). (a) and (b) have a pool as large as the most writers ({BenchmarkOptions.RecordingParties.Max()}), one connection per writer; (c) uses the product's pool ({database.Settings["product_pool"]} connections) against max_connections = {database.Settings["max_connections"]}.");
        report.Notes.Add("(c) records each round in a fresh negotiation that all its parties joined: every statement also updates that negotiation's inline summary, as in the product.");

        await database.ResetSchemasAsync(RawSchema, MartenSchema, LedgerSchema);
        await database.ExecuteAsync(RawInsertRecorder.CreateTable(RawSchema));

        var most = BenchmarkOptions.RecordingParties.Max();
        await using var rawPool = database.DataSource(most);
        await using var martenPool = database.DataSource(most);
        using var marten = new PlainMartenRecorder(martenPool, MartenSchema);
        await marten.StartAsync();
        using var silo = await LedgerSilo.StartAsync(database.ConnectionString, LedgerSchema, cancellationToken);
        var product = new PartyGrainRecorder(silo.Services.GetRequiredService<IGrainFactory>());
        IStatementRecorder[] recorders = [new RawInsertRecorder(rawPool, RawSchema), marten, product];

        var rounds = BenchmarkOptions.RecordingParties.Count * recorders.Length * (options.Repeat + 1);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var progress = context.AddTask("Case 1: recording statements", maxValue: rounds);
                foreach (var parties in BenchmarkOptions.RecordingParties)
                {
                    var results = recorders.ToDictionary(r => r.Variant, _ => new List<RoundResult>());

                    // A short round per variant first, off the record: JIT, pools and grain activations warm up.
                    foreach (var recorder in recorders)
                    {
                        progress.Description = $"Case 1: {parties} parties, warming up {recorder.Variant}";
                        await RunRoundAsync(recorder, parties, "warm", round / 4, cancellationToken);
                        progress.Increment(1);
                    }

                    await SideBySide.RunAsync(options.Repeat, recorders, async (recorder, repetition) =>
                    {
                        progress.Description = $"Case 1: {parties} parties, repetition {repetition + 1}, variant {recorder.Variant}";
                        results[recorder.Variant].Add(await RunRoundAsync(recorder, parties, $"r{repetition + 1}", round, cancellationToken));
                        progress.Increment(1);
                    });

                    foreach (var recorder in recorders)
                    {
                        report.Rows.Add(Row(recorder, parties, results[recorder.Variant]));
                    }

                    var throughput = results.ToDictionary(r => r.Key, r => (IReadOnlyList<double>)r.Value.Select(x => x.PerSecond).ToList());
                    report.Ratios.Add(SideBySide.Ratio($"c/a at {Setting(parties)}", throughput["c"], throughput["a"]));
                    report.Ratios.Add(SideBySide.Ratio($"c/b at {Setting(parties)}", throughput["c"], throughput["b"]));
                }
            });

        await CheckViewsAsync(report, silo.Services.GetRequiredService<IDocumentStore>(), product.Negotiations, cancellationToken);
        await silo.StopAsync(cancellationToken);
        AddTargets(report);
        return report;
    }

    public static string Setting(int parties) => parties == 1 ? "1 party" : $"{parties} parties";

    /// <summary>
    /// Whether the negotiation-summary view (one inline document per negotiation, updated by every statement in it) counted
    /// every statement (c) recorded, compared with the statement log (one document per statement). Not a timing: a
    /// correctness finding the load brings out, reported so the append path's work can be checked against it.
    /// </summary>
    private static async Task CheckViewsAsync(CaseReport report, IDocumentStore store, IReadOnlyList<string> negotiations, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        long logged = 0, counted = 0;
        foreach (var negotiation in negotiations)
        {
            logged += await session.Query<StatementRecord>().CountAsync(s => s.NegotiationId == negotiation, cancellationToken);
            counted += (await NegotiationState.LoadAsync(session, negotiation, cancellationToken))?.Statements ?? 0;
        }

        report.Checks["statementsInStatementLog"] = logged;
        report.Checks["statementsCountedByNegotiationState"] = counted;
        report.Notes.Add(counted == logged
            ? $"Check: the negotiation-summary view counts all {logged:N0} statements (c) recorded."
            : $"Check: the negotiation-summary view counts {counted:N0} of the {logged:N0} statements (c) recorded in its negotiations (the statement log has them all): concurrent statements in one negotiation overwrite each other's update of its inline summary document.");
    }

    private static VariantRow Row(IStatementRecorder recorder, int parties, List<RoundResult> rounds)
    {
        var row = new VariantRow(recorder.Variant, recorder.Label, Setting(parties));
        row.Figures.Add(new Figure("statements/s", "/s", rounds.Select(r => r.PerSecond).ToList()));
        row.Figures.Add(new Figure("p50", "ms", rounds.Select(r => r.P50).ToList()));
        row.Figures.Add(new Figure("p99", "ms", rounds.Select(r => r.P99).ToList()));
        row.Figures.Add(new Figure("recorded", "statements", rounds.Select(r => (double)r.Recorded).ToList()));
        foreach (var (kind, count) in rounds.SelectMany(r => r.Failures))
        {
            row.CountFailure(kind, count);
        }

        return row;
    }

    private static void AddTargets(CaseReport report)
    {
        double Ratio(string setting) => report.Ratios.Single(r => r.Name == setting).Median;
        const string Case = "1 recording";
        report.Targets.Add(new TargetCheck(Case, "at 64 parties (c) ≥ 1.0 × (a)", Ratio($"c/a at {Setting(64)}"), "×", Comparison.AtLeast, 1.0));
        report.Targets.Add(new TargetCheck(Case, "at 16 parties (c) ≥ 0.6 × (a)", Ratio($"c/a at {Setting(16)}"), "×", Comparison.AtLeast, 0.6));
        report.Targets.Add(new TargetCheck(Case, "at 16 parties (c) ≥ 5 × (b)", Ratio($"c/b at {Setting(16)}"), "×", Comparison.AtLeast, 5.0));
        report.Targets.Add(new TargetCheck(Case, "p99 latency of (c) under 50 ms at 64 parties", report.Row("c", Setting(64)).Figure("p99").Median, "ms", Comparison.Below, 50));

        var failures = report.Row("c", Setting(64)).Failures.Values.Sum() + report.Row("c", Setting(256)).Failures.Values.Sum();
        report.Targets.Add(new TargetCheck(Case, "no connection exhaustion or other failure of (c) at 64 or 256 parties", failures, "failures", Comparison.AtMost, 0));

        // The issue names no figure for "no collapse"; read here as: adding parties beyond 64 does not lose (c) throughput.
        var at64 = report.Row("c", Setting(64)).Figure("statements/s").Median;
        var at256 = report.Row("c", Setting(256)).Figure("statements/s").Median;
        report.Targets.Add(new TargetCheck(Case, "no collapse: (c) at 256 parties ≥ 1.0 × (c) at 64", at256 / at64, "×", Comparison.AtLeast, 1.0,
            "the issue gives no figure for collapse; this reads it as throughput that does not fall when parties are added"));
    }

    private static async Task<RoundResult> RunRoundAsync(IStatementRecorder recorder, int parties, string round, TimeSpan duration, CancellationToken cancellationToken)
    {
        await recorder.PrepareAsync(parties, round);
        var latencies = new Latencies(parties);
        var failures = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var writers = Enumerable.Range(0, parties).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested; n++)
            {
                var begun = Stopwatch.GetTimestamp();
                try
                {
                    await recorder.RecordAsync(writer, n);
                    latencies.Add(writer, begun);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.AddOrUpdate(FailureKind(e), 1, (_, count) => count + 1);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(writers);

        // The clock stops when the last call in flight at the deadline has been answered.
        var elapsed = Stopwatch.GetElapsedTime(started);
        await recorder.AfterRoundAsync();
        var sorted = latencies.Sorted();
        return new RoundResult(sorted.Length, elapsed, Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.99), failures);
    }

    /// <summary>Failures grouped by what went wrong, not by which id: numbers in messages are blanked.</summary>
    private static string FailureKind(Exception e)
    {
        var inner = e is AggregateException { InnerException: { } only } ? only : e;
        var (prefix, message) = inner switch
        {
            PostgresException p => (p.SqlState, p.MessageText),
            NpgsqlException n => ("Npgsql", n.Message),
            CommandRefused r => ("refused", r.Message),
            _ => (inner.GetType().Name, inner.Message),
        };
        var kind = $"{prefix}: {Digits().Replace(message.ReplaceLineEndings(" "), "#")}";
        return kind.Length > 140 ? kind[..140] + "…" : kind;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private sealed record RoundResult(int Recorded, TimeSpan Elapsed, double P50, double P99, IReadOnlyDictionary<string, long> Failures)
    {
        public double PerSecond => Recorded / Elapsed.TotalSeconds;
    }
}
