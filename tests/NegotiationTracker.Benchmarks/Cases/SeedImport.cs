using NegotiationTracker.Domain.Common;
using System.Diagnostics;
using System.Text.Json;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Benchmarks.Generation;
using NegotiationTracker.Benchmarks.Measuring;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.SeedFiles;
using NpgsqlTypes;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>
/// Case 2: a generated seed of N statements across 50 parties, imported by the product (<see cref="ImportSeedFile"/> through
/// the silo, as <c>negotiation import</c> does) and loaded by a raw binary COPY of the same rows into a plain table.
/// </summary>
public sealed class SeedImport(BenchDatabase database, BenchmarkOptions options)
{
    private const string LedgerSchema = "bench_import";
    private const string CopySchema = "bench_copy";
    private const string Product = "product import";
    private const string Copy = "raw binary COPY";

    public async Task<CaseReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new CaseReport(2, "Import", "events appended per second importing a generated seed: the product's import through the grains vs a raw binary COPY of the same statements");
        report.Sizes["statements"] = options.ImportStatements;
        report.Sizes["parties"] = BenchmarkOptions.ImportParties;
        report.Sizes["importLimitSeconds"] = options.ImportLimit.TotalSeconds;
        report.Notes.Add("Each repetition imports a new negotiation with new parties, so every import starts from the same state. The product's figure counts every event it appended (registrations and joins too) over the time ImportAsync took; the wait for the async views that `negotiation import` adds afterwards is reported apart.");
        report.Notes.Add("First and last 10%: the rate over the first and the last tenth of the steps done, which shows whether an import slows down as its negotiation grows.");
        report.Notes.Add("The raw COPY writes each statement's event JSON with its stream into a table with no index, in one COPY and one transaction.");

        await database.ResetSchemasAsync(LedgerSchema, CopySchema);
        await database.ExecuteAsync($"create table {CopySchema}.statements (stream text not null, type text not null, data jsonb not null)");
        using var silo = await LedgerSilo.StartAsync(database.ConnectionString, LedgerSchema, cancellationToken);
        var import = silo.Services.GetRequiredService<ImportSeedFile>();
        var store = silo.Services.GetRequiredService<IDocumentStore>();
        await using var copyPool = database.DataSource(1);

        var perSecond = new Dictionary<string, List<double>> { [Product] = [], [Copy] = [] };
        var viewsSeconds = new List<double>();
        var timelineMissing = new List<double>();
        var firstTenth = new List<double>();
        var lastTenth = new List<double>();
        var share = new List<double>();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                await SideBySide.RunAsync(options.Repeat, [Product, Copy], async (variant, repetition) =>
                {
                    var negotiationId = $"import-r{repetition + 1}";
                    var seed = GeneratedSeed.Create(negotiationId, $"r{repetition + 1}-party", options.ImportStatements, BenchmarkOptions.ImportParties);
                    var steps = seed.Sum(f => f.Steps().Count);
                    var task = context.AddTask($"Case 2: {variant}, repetition {repetition + 1}", maxValue: steps);
                    if (variant == Product)
                    {
                        var imported = await ImportAsync(import, seed, task, cancellationToken);
                        perSecond[Product].Add(imported.PerSecond);
                        firstTenth.Add(imported.FirstTenth);
                        lastTenth.Add(imported.LastTenth);
                        share.Add(100.0 * imported.Steps / steps);
                        if (imported.Stopped)
                        {
                            report.Notes.Add($"Repetition {repetition + 1}: the product's import was stopped by --import-limit-seconds after {imported.Elapsed.TotalSeconds:N0} s, at {imported.Steps:N0} of {steps:N0} steps ({imported.Appended:N0} events): its rate is over that part only.");
                        }

                        var views = Stopwatch.StartNew();
                        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(30));
                        viewsSeconds.Add(views.Elapsed.TotalSeconds);

                        // The async views must hold every event once the daemon says it has caught up: a view that skipped
                        // events would make the rate above meaningless.
                        await using var session = store.QuerySession();
                        var events = (await NegotiationReplay.LoadAsync(session, negotiationId, cancellationToken))?.All.Count ?? 0;
                        var rows = await session.Query<TimelineEntry>().CountAsync(t => t.NegotiationId == negotiationId, cancellationToken);
                        timelineMissing.Add(events - rows);
                    }
                    else
                    {
                        var rows = GeneratedSeed.Statements(seed).ToList();
                        var clock = Stopwatch.StartNew();
                        await using (var connection = await copyPool.OpenConnectionAsync(cancellationToken))
                        await using (var writer = await connection.BeginBinaryImportAsync($"copy {CopySchema}.statements (stream, type, data) from stdin (format binary)", cancellationToken))
                        {
                            foreach (var row in rows)
                            {
                                await writer.StartRowAsync(cancellationToken);
                                await writer.WriteAsync(Streams.Party(row.PartyId), NpgsqlDbType.Text, cancellationToken);
                                await writer.WriteAsync("statement_made", NpgsqlDbType.Text, cancellationToken);
                                await writer.WriteAsync(JsonSerializer.Serialize(row, RecordedStatement.Json), NpgsqlDbType.Jsonb, cancellationToken);
                            }

                            await writer.CompleteAsync(cancellationToken);
                        }

                        perSecond[Copy].Add(rows.Count / clock.Elapsed.TotalSeconds);
                    }

                    task.Value = task.MaxValue;
                });
            });

        await silo.StopAsync(cancellationToken);

        var product = new VariantRow("product", "product import (grains)");
        product.Figures.Add(new Figure("events/s", "/s", perSecond[Product]));
        product.Figures.Add(new Figure("events/s, first 10%", "/s", firstTenth));
        product.Figures.Add(new Figure("events/s, last 10%", "/s", lastTenth));
        product.Figures.Add(new Figure("imported", "%", share));
        product.Figures.Add(new Figure("views caught up after", "s", viewsSeconds));
        product.Figures.Add(new Figure("timeline rows missing", "rows", timelineMissing));
        var copy = new VariantRow("copy", "raw binary COPY");
        copy.Figures.Add(new Figure("events/s", "/s", perSecond[Copy]));
        report.Rows.Add(product);
        report.Rows.Add(copy);
        report.Ratios.Add(SideBySide.Ratio("product/COPY", perSecond[Product], perSecond[Copy]));
        report.Targets.Add(new TargetCheck("2 import", "import ≥ 20,000 events/s", product.Figure("events/s").Median, "/s", Comparison.AtLeast, 20_000,
            $"measured on {options.ImportStatements:N0} statements"));
        return report;
    }

    /// <summary>
    /// The product's import of every file of the seed, as <c>negotiation import</c> runs it, stopped at --import-limit-seconds
    /// if it gets there: a quadratic slowdown must not hold the whole run hostage, and what it did by then is still a rate.
    /// </summary>
    private async Task<Imported> ImportAsync(ImportSeedFile import, IReadOnlyList<SeedFile> seed, ProgressTask task, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.ImportLimit);
        var marks = new List<(int Steps, int Appended, long At)> { (0, 0, Stopwatch.GetTimestamp()) };
        var stopped = false;
        try
        {
            foreach (var file in seed)
            {
                var (stepsBefore, appendedBefore, _) = marks[^1];
                await import.ImportAsync(file, Recording.By("bench"), new BarProgress<ImportProgress>(p =>
                {
                    task.Value = stepsBefore + p.StepsDone;
                    marks.Add((stepsBefore + p.StepsDone, appendedBefore + p.EventsAppended, Stopwatch.GetTimestamp()));
                }), limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }

        var (steps, appended, _) = marks[^1];
        var elapsed = Stopwatch.GetElapsedTime(marks[0].At);
        return new Imported(steps, appended, elapsed, stopped, Rate(marks, 0, 0.1), Rate(marks, 0.9, 1));
    }

    /// <summary>Events per second between two fractions of the steps done.</summary>
    private static double Rate(List<(int Steps, int Appended, long At)> marks, double from, double to)
    {
        var done = marks[^1].Steps;
        var start = marks.First(m => m.Steps >= from * done);
        var end = marks.First(m => m.Steps >= to * done);
        var seconds = Stopwatch.GetElapsedTime(start.At, end.At).TotalSeconds;
        return seconds <= 0 ? double.NaN : (end.Appended - start.Appended) / seconds;
    }

    private sealed record Imported(int Steps, int Appended, TimeSpan Elapsed, bool Stopped, double FirstTenth, double LastTenth)
    {
        public double PerSecond => Appended / Elapsed.TotalSeconds;
    }
}
