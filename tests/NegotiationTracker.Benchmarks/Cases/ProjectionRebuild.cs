using System.Data;
using System.Diagnostics;
using Marten;
using NegotiationTracker.Benchmarks.Generation;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Hosting.EventStore;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// Case 3: every projection rebuilt from the generated ledger, one after another as <c>negotiation projections rebuild</c>
/// does, against a raw sequential read of the same events table, alternating.
/// </summary>
public sealed class ProjectionRebuild(BenchDatabase database, BenchmarkOptions options, LedgerAtScale ledgerAtScale)
{
    private const string Rebuild = "rebuild";
    private const string RawRead = "raw read";
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(60);

    public async Task<CaseReport> RunAsync(CancellationToken cancellationToken)
    {
        var ledger = await ledgerAtScale.WithStatementsAsync();
        var events = await ledger.EventCountAsync();
        var report = new CaseReport(3, "Projection rebuild", "events per second rebuilding every projection (all of them, one after another, over every event) vs reading the events table raw");
        report.Sizes["events"] = events;
        report.Sizes["statements"] = options.LedgerStatements;
        report.Sizes["statementsPerNegotiation"] = options.StatementsPerNegotiation;
        report.Sizes["partyPool"] = options.PartyPool;
        report.Notes.Add($"The rebuild's figure is events in the store / time to rebuild all {NegotiationStore.ProjectionNames.Count} projections (the CLI's own figure multiplies by the number of projections). The raw read selects every column of every row of mt_events in seq_id order with Npgsql and reads each value.");
        report.Notes.Add("The events were written straight through Marten, not through the grains (see GeneratedLedger)"
            + (ledgerAtScale.StatementsGeneratedIn is { } took ? $": {options.LedgerStatements:N0} statements in {took.TotalSeconds:N0} s ({options.LedgerStatements / took.TotalSeconds:N0}/s, 1,000 events per session over about 50 streams, inline projections on)." : "."));

        var whole = new List<double>();
        var raw = new List<double>();
        var perProjection = NegotiationStore.ProjectionNames.ToDictionary(n => n, _ => new List<double>());
        await using var pool = database.DataSource(1);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                await SideBySide.RunAsync(options.Repeat, [Rebuild, RawRead], async (variant, repetition) =>
                {
                    if (variant == Rebuild)
                    {
                        var statistics = await ledger.Store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
                        var highWater = Math.Max(statistics.EventSequenceNumber, 1);
                        using var daemon = await ledger.Store.BuildProjectionDaemonAsync();
                        var clock = Stopwatch.StartNew();
                        foreach (var projection in NegotiationStore.ProjectionNames)
                        {
                            var task = context.AddTask($"Case 3: rebuild {projection}, repetition {repetition + 1}", maxValue: highWater);
                            var one = Stopwatch.StartNew();
                            var rebuilding = daemon.RebuildProjectionAsync(projection, ShardTimeout, cancellationToken);

                            // Marten reports no progress from a rebuild: the shard's stored position is read while it runs, as the CLI does.
                            while (!rebuilding.IsCompleted)
                            {
                                await Task.WhenAny(rebuilding, Task.Delay(500, cancellationToken));
                                task.Value = await PositionAsync(ledger.Store, projection, cancellationToken);
                            }

                            await rebuilding;
                            perProjection[projection].Add(events / one.Elapsed.TotalSeconds);
                            task.Value = task.MaxValue;
                        }

                        whole.Add(events / clock.Elapsed.TotalSeconds);
                    }
                    else
                    {
                        var task = context.AddTask($"Case 3: raw read, repetition {repetition + 1}", maxValue: events);
                        var clock = Stopwatch.StartNew();
                        var read = await ReadAllAsync(pool, task, cancellationToken);
                        raw.Add(read / clock.Elapsed.TotalSeconds);
                        task.Value = task.MaxValue;
                    }
                });
            });

        var rebuildRow = new VariantRow("rebuild", $"rebuild, all {NegotiationStore.ProjectionNames.Count} projections");
        rebuildRow.Figures.Add(new Figure("events/s", "/s", whole));
        report.Rows.Add(rebuildRow);
        foreach (var (projection, rates) in perProjection)
        {
            var row = new VariantRow("rebuild", "  rebuild of one", projection);
            row.Figures.Add(new Figure("events/s", "/s", rates));
            report.Rows.Add(row);
        }

        var rawRow = new VariantRow("raw", "raw sequential read (Npgsql)");
        rawRow.Figures.Add(new Figure("events/s", "/s", raw));
        report.Rows.Add(rawRow);
        report.Ratios.Add(SideBySide.Ratio("rebuild/raw read", whole, raw));
        report.Targets.Add(new TargetCheck("3 rebuild", "rebuild ≥ 0.3 × the raw sequential read", report.Ratios[0].Median, "×", Comparison.AtLeast, 0.3,
            $"measured over {events:N0} events"));
        return report;
    }

    private static async Task<long> PositionAsync(IDocumentStore store, string projection, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        return progress.FirstOrDefault(p => p.ShardName.StartsWith(projection + ":", StringComparison.Ordinal))?.Sequence ?? 0;
    }

    private static async Task<long> ReadAllAsync(Npgsql.NpgsqlDataSource pool, ProgressTask task, CancellationToken cancellationToken)
    {
        await using var command = pool.CreateCommand($"select * from {GeneratedLedger.Schema}.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                if (!await reader.IsDBNullAsync(column, cancellationToken))
                {
                    _ = reader.GetValue(column);
                }
            }

            if (++rows % 10_000 == 0)
            {
                task.Value = rows;
            }
        }

        return rows;
    }
}
