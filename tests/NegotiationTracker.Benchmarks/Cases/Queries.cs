using System.Diagnostics;
using NegotiationTracker.Benchmarks.Generation;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Statements;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// Case 4: on the generated ledger, the statement log of one party over one year (<see cref="StatementLog.QueryAsync(Marten.IQuerySession, StatementFilter, CancellationToken)"/>)
/// and the audit of one statement (<see cref="StatementAudit.LoadAsync"/>), each in a session of its own as a command or
/// request would open, the two kinds alternating query by query.
/// </summary>
public sealed class Queries(BenchmarkOptions options, LedgerAtScale ledgerAtScale)
{
    private const string Log = "statement log";
    private const string Audit = "statement audit";
    private const int Warmup = 10;

    public async Task<CaseReport> RunAsync(CancellationToken cancellationToken)
    {
        var ledger = await ledgerAtScale.WithStatementsAsync();
        var negotiations = ledgerAtScale.StatementNegotiations.ToList();
        var report = new CaseReport(4, "Queries", "latency of the statement log by party and year, and of the audit of one statement, on the generated ledger");
        report.Sizes["statements"] = negotiations.Sum(n => n.SpokenBy.Count);
        report.Sizes["queriesPerRun"] = options.QueriesPerRun;
        report.Notes.Add($"Statement log: in a random negotiation of {options.StatementsPerNegotiation:N0} statements, the party of a random statement over the year it was said, one of {StatementContent.Years} (about {options.StatementsPerNegotiation / BenchmarkOptions.MembersPerNegotiation / StatementContent.Years:N0} rows). Audit: a random statement; it filters its party's stream in the database (about {options.LedgerStatements / options.PartyPool:N0} events).");

        var random = new Random(4);
        var latencies = new Dictionary<string, List<(double P50, double P99)>> { [Log] = [], [Audit] = [] };
        var rows = new List<double>();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                for (var repetition = -1; repetition < options.Repeat; repetition++)
                {
                    // Repetition -1 warms up (JIT, plans, caches) and is not recorded.
                    var queries = repetition < 0 ? Warmup : options.QueriesPerRun;
                    var task = context.AddTask(repetition < 0 ? "Case 4: warming up" : $"Case 4: queries, repetition {repetition + 1}", maxValue: queries * 2);
                    var samples = new Dictionary<string, List<double>> { [Log] = [], [Audit] = [] };
                    var returned = 0L;
                    for (var q = 0; q < queries; q++)
                    {
                        // Alternating which kind goes first, as the variants of the other cases alternate.
                        foreach (var kind in q % 2 == 0 ? new[] { Log, Audit } : [Audit, Log])
                        {
                            var negotiation = negotiations[random.Next(negotiations.Count)];
                            var clock = Stopwatch.StartNew();
                            await using (var session = ledger.Store.QuerySession())
                            {
                                if (kind == Log)
                                {
                                    // The party of a random statement, over the year it was said: never an empty log.
                                    var made = random.Next(negotiation.SpokenBy.Count);
                                    var year = PartialDate.Year(negotiation.SaidIn[made]);
                                    var party = negotiation.SpokenBy[made];
                                    returned += (await StatementLog.QueryAsync(session, new StatementFilter(negotiation.Id, Party: party, From: year, To: year), cancellationToken) ?? throw new InvalidOperationException($"negotiation {negotiation.Id} is not in the generated ledger")).Count;
                                }
                                else
                                {
                                    var statement = GeneratedNegotiation.StatementId(random.Next(negotiation.SpokenBy.Count));
                                    _ = await StatementAudit.LoadAsync(session, negotiation.Id, statement, cancellationToken)
                                        ?? throw new InvalidOperationException($"statement {statement} of {negotiation.Id} has no audit: the generated ledger is not what the case expects");
                                }
                            }

                            samples[kind].Add(clock.Elapsed.TotalMilliseconds);
                            task.Increment(1);
                        }
                    }

                    if (repetition >= 0)
                    {
                        foreach (var (kind, values) in samples)
                        {
                            var sorted = values.Order().ToArray();
                            latencies[kind].Add((Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.99)));
                        }

                        rows.Add((double)returned / queries);
                    }
                }
            });

        foreach (var (kind, runs) in latencies)
        {
            var row = new VariantRow(kind == Log ? "log" : "audit", kind == Log ? "statement log, party + year" : "audit of one statement");
            row.Figures.Add(new Figure("p50", "ms", runs.Select(r => r.P50).ToList()));
            row.Figures.Add(new Figure("p99", "ms", runs.Select(r => r.P99).ToList()));
            if (kind == Log)
            {
                row.Figures.Add(new Figure("statements returned", "rows", rows));
            }

            report.Rows.Add(row);
        }

        var at = $"measured at {report.Sizes["statements"]:N0} statements";
        report.Targets.Add(new TargetCheck("4 queries", "statement log by party + date range: p99 < 50 ms", report.Row("log").Figure("p99").Median, "ms", Comparison.Below, 50, at));
        report.Targets.Add(new TargetCheck("4 queries", "audit of one statement: p99 < 50 ms", report.Row("audit").Figure("p99").Median, "ms", Comparison.Below, 50, at));
        return report;
    }
}
