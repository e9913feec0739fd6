using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Parties;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// Case 6: the process's resident memory with G active party grains: registered through the grains, then each asked for
/// its state so every one is active at once. Run first, while the process holds nothing of the other cases.
/// </summary>
public sealed class GrainMemory(BenchDatabase database, BenchmarkOptions options)
{
    private const string LedgerSchema = "bench_memory";
    private const int InFlight = 64;
    private const double Megabyte = 1024 * 1024;

    public async Task<CaseReport> RunAsync(CancellationToken cancellationToken)
    {
        var grainsWanted = options.ActiveGrains;
        var report = new CaseReport(6, "Memory", "process resident memory (VmRSS, after a full GC) with G active party grains, and bytes per grain");
        report.Sizes["grains"] = grainsWanted;
        report.Notes.Add($"Each repetition first deactivates every idle grain (IManagementGrain.ForceActivationCollection), then registers {grainsWanted:N0} new parties through their grains ({InFlight} at a time) and calls GetState on each. Bytes per grain = (RSS after − RSS before) / G, both read after a full, compacting GC.");

        await database.ResetSchemasAsync(LedgerSchema);
        using var silo = await LedgerSilo.StartAsync(database.ConnectionString, LedgerSchema, cancellationToken);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);

        var before = new List<double>();
        var after = new List<double>();
        var perGrain = new List<double>();
        var active = new List<double>();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                for (var repetition = 0; repetition < options.Repeat; repetition++)
                {
                    var task = context.AddTask($"Case 6: activating {grainsWanted:N0} party grains, repetition {repetition + 1}", maxValue: grainsWanted * 2);
                    await management.ForceActivationCollection(TimeSpan.Zero);
                    var rssBefore = ProcessMemory.ResidentAfterCollecting();
                    var parties = Enumerable.Range(1, grainsWanted).Select(p => $"m{repetition + 1}-party-{p:00000}").ToList();
                    await ForEachAsync(parties, async party =>
                    {
                        var result = await grains.GetGrain<IPartyGrain>(party).Execute(new RegisterParty(party, $"Party {party}", PartyKind.Organization), Recording.By("bench"));
                        if (result.Rejection is { } rejection)
                        {
                            throw new InvalidOperationException($"registering {party} failed: {rejection.Message}");
                        }

                        task.Increment(1);
                    });
                    await ForEachAsync(parties, async party =>
                    {
                        _ = await grains.GetGrain<IPartyGrain>(party).GetState() ?? throw new InvalidOperationException($"{party} has no state after registering");
                        task.Increment(1);
                    });

                    var rssAfter = ProcessMemory.ResidentAfterCollecting();
                    before.Add(rssBefore / Megabyte);
                    after.Add(rssAfter / Megabyte);
                    perGrain.Add((double)(rssAfter - rssBefore) / grainsWanted);
                    active.Add(await management.GetTotalActivationCount());
                }
            });

        await silo.StopAsync(cancellationToken);
        var row = new VariantRow("grains", $"{grainsWanted:N0} party grains");
        row.Figures.Add(new Figure("RSS before", "MB", before));
        row.Figures.Add(new Figure("RSS with grains", "MB", after));
        row.Figures.Add(new Figure("bytes per grain", "B", perGrain));
        row.Figures.Add(new Figure("activations", "grains", active));
        row.Figures.Add(new Figure("peak RSS (VmHWM)", "MB", [ProcessMemory.Peak() / Megabyte]));
        report.Rows.Add(row);

        var rss = row.Figure("RSS with grains").Median;
        var extrapolated = row.Figure("RSS before").Median + (10_000 * row.Figure("bytes per grain").Median / Megabyte);
        report.Targets.Add(new TargetCheck("6 memory", "10,000 active party grains within 500 MB of process RSS", rss, "MB", Comparison.AtMost, 500,
            grainsWanted == 10_000 ? null : $"measured with {grainsWanted:N0} grains; RSS before + 10,000 × bytes per grain ≈ {extrapolated:N0} MB"));
        return report;
    }

    private static Task ForEachAsync(IEnumerable<string> parties, Func<string, Task> act) =>
        Parallel.ForEachAsync(parties, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (party, _) => await act(party));
}
