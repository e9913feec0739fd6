using NegotiationTracker.Benchmarks.Generation;
using NegotiationTracker.Benchmarks.Measuring;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// The generated ledger that the rebuild, query and replay cases share within a run: generated once, by whichever of them
/// runs first, and extended by the replay case with its one large negotiation.
/// </summary>
public sealed class LedgerAtScale(BenchDatabase database, BenchmarkOptions options) : IDisposable
{
    private const string Prefix = "gen";
    private GeneratedLedger? ledger;
    private bool statementsMade;

    /// <summary>How long writing the M statements took (Marten, many streams per session, inline projections on), once made.</summary>
    public TimeSpan? StatementsGeneratedIn { get; private set; }

    public async Task<GeneratedLedger> LedgerAsync()
    {
        ledger ??= await GeneratedLedger.CreateAsync(database);
        return ledger;
    }

    /// <summary>The ledger with its M statements in negotiations of the configured size.</summary>
    public async Task<GeneratedLedger> WithStatementsAsync()
    {
        var generated = await LedgerAsync();
        if (!statementsMade)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await GenerateAsync($"Generating {options.LedgerStatements:N0} statements", options.LedgerStatements, progress =>
                generated.AddNegotiationsAsync(Prefix, options.LedgerStatements, options.StatementsPerNegotiation, options.PartyPool, progress));
            StatementsGeneratedIn = clock.Elapsed;
            statementsMade = true;
        }

        return generated;
    }

    public IEnumerable<GeneratedNegotiation> StatementNegotiations =>
        ledger?.Negotiations.Where(n => n.Id.StartsWith(Prefix + "-", StringComparison.Ordinal)) ?? [];

    public static Task GenerateAsync(string what, int statements, Func<IProgress<int>, Task> generate) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(what, maxValue: statements);
                await generate(new BarProgress<int>(n => task.Increment(n)));
                task.Value = task.MaxValue;
            });

    public void Dispose() => ledger?.Store.Dispose();
}
