using System.Diagnostics;
using NegotiationTracker.Benchmarks.Generation;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Replay;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// Case 5: the state of one negotiation of K events replayed from the event store as of a mid-point date, the way
/// <c>negotiation state --as-of</c> does it (<see cref="NegotiationReplay.LoadAsync"/>, then
/// <see cref="NegotiationReplay.StateAsync"/>), beside reading the live state (<see cref="NegotiationState.LoadAsync"/>) for scale.
/// </summary>
public sealed class ReplayAsOf(BenchmarkOptions options, LedgerAtScale ledgerAtScale)
{
    private const string Replayed = "replay";
    private const string Live = "live";

    public async Task<CaseReport> RunAsync(CancellationToken cancellationToken)
    {
        var ledger = await ledgerAtScale.LedgerAsync();
        var parties = Enumerable.Range(1, BenchmarkOptions.MembersPerNegotiation).Select(p => $"replay-party-{p:000}").ToList();
        var statements = options.ReplayEvents - 2 - parties.Count;
        GeneratedNegotiation? negotiation = null;
        await LedgerAtScale.GenerateAsync($"Generating a negotiation of {options.ReplayEvents:N0} events", statements, async progress =>
            negotiation = await ledger.AddNegotiationAsync("replay", parties, statements, seed: 5, progress));

        var asOf = GeneratedNegotiation.MidPoint;
        var report = new CaseReport(5, "Replay", $"time to replay one negotiation's state as of {asOf} from the event store, beside loading its live state");
        report.Sizes["events"] = options.ReplayEvents;
        report.Notes.Add($"The negotiation has {statements:N0} statements by {parties.Count} parties of its own (their streams hold nothing else), said over {StatementContent.Years} years; --as-of {asOf} keeps about half. Load = reading its stream and its members' streams; fold = NegotiationReplay.StateAsync.");

        var replay = new List<double>();
        var load = new List<double>();
        var fold = new List<double>();
        var live = new List<double>();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                // Once off the record first: JIT and the first read of the streams from disk.
                await ReplayOnceAsync();
                await SideBySide.RunAsync(options.Repeat, [Replayed, Live], async (variant, repetition) =>
                {
                    var task = context.AddTask($"Case 5: {variant}, repetition {repetition + 1}").IsIndeterminate();
                    if (variant == Replayed)
                    {
                        var (loaded, folded) = await ReplayOnceAsync();
                        load.Add(loaded);
                        fold.Add(folded);
                        replay.Add(loaded + folded);
                    }
                    else
                    {
                        var clock = Stopwatch.StartNew();
                        await using var session = ledger.Store.QuerySession();
                        _ = await NegotiationState.LoadAsync(session, negotiation!.Id, cancellationToken) ?? throw new InvalidOperationException("the replay negotiation has no live state");
                        live.Add(clock.Elapsed.TotalSeconds);
                    }

                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                });
            });

        var replayRow = new VariantRow("replay", $"replay --as-of {asOf}");
        replayRow.Figures.Add(new Figure("time", "s", replay));
        replayRow.Figures.Add(new Figure("of which load", "s", load));
        replayRow.Figures.Add(new Figure("of which fold", "s", fold));
        report.Rows.Add(replayRow);
        var liveRow = new VariantRow("live", "live state");
        liveRow.Figures.Add(new Figure("time", "s", live));
        report.Rows.Add(liveRow);
        report.Ratios.Add(SideBySide.Ratio("replay/live", replay, live));
        report.Targets.Add(new TargetCheck("5 replay", "replay of a 100,000-event negotiation under 1 s", replayRow.Figure("time").Median, "s", Comparison.Below, 1.0,
            $"measured on {options.ReplayEvents:N0} events"));
        return report;

        async Task<(double Load, double Fold)> ReplayOnceAsync()
        {
            await using var session = ledger.Store.QuerySession();
            var clock = Stopwatch.StartNew();
            var events = await NegotiationReplay.LoadAsync(session, negotiation!.Id, cancellationToken) ?? throw new InvalidOperationException("the replay negotiation has no events");
            var loaded = clock.Elapsed.TotalSeconds;
            clock.Restart();
            _ = await events.StateAsync(session, asOf, null, cancellationToken: cancellationToken) ?? throw new InvalidOperationException("the replay negotiation was not open by the mid-point");
            return (loaded, clock.Elapsed.TotalSeconds);
        }
    }
}
