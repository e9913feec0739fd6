using System.CommandLine;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Reports;

namespace NegotiationTracker.Cli.Commands;

public static class ReportCommand
{
    private const string Csv = "csv";

    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = new Option<string>("--format")
        {
            Description = "markdown (the brief), html (the brief as one self-contained page with a timeline chart), json (all the data), csv (one file per table)",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "html", "json", Csv);
        var output = new Option<string?>("--out")
        {
            Description = "File to write the report to (default: standard output); for csv, the folder to write its files into (required)",
        };
        var latest = new Option<int>("--latest")
        {
            Description = "How many of the latest statements the brief quotes",
            DefaultValueFactory = _ => NegotiationReport.DefaultLatestStatements,
        };
        latest.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--latest must be 0 or more");
            }
        });

        var evidenceOptions = new EvidenceOptions();
        var command = new Command("report", "A brief of a negotiation: parties, positions per issue, proposals, agreements, latest statements and a timeline")
        {
            negotiation, format, output, latest,
        };
        evidenceOptions.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = result.GetValue(negotiation)!;
            var chosen = result.GetValue(format)!;
            var path = result.GetValue(output);

            // Checked before the ledger is opened: a usage mistake should not wait for a database.
            if (chosen == Csv && string.IsNullOrWhiteSpace(path))
            {
                Console.Error.WriteLine("--format csv writes one file per table: pass --out FOLDER to say where");
                return Terminal.Rejected;
            }

            var written = Terminal.Ok;
            var exit = await Terminal.RunAsync(async () =>
            {
                var options = GlobalOptions.From(result);
                var quoted = result.GetValue(latest);
                var evidence = evidenceOptions.From(result);
                using var server = ServerClient.For(options);
                if (server is not null)
                {
                    // The server renders with the same renderers; CSV comes one table per request, written as the same files.
                    written = await WriteAsync(chosen, path,
                        folder => FetchCsvAsync(server, id, evidence, folder, cancellationToken),
                        () => server.ReportAsync(id, MediaTypes[chosen], quoted, table: null, evidence, cancellationToken),
                        cancellationToken);
                    return;
                }

                using var store = await Ledger.OpenStoreAsync(options, cancellationToken);
                await using var session = store.QuerySession();

                // The summary is an inline view, current without catching up; asking it first also spares an empty
                // ledger the catch-up, which waits for event activity that never comes.
                if (await session.LoadAsync<NegotiationSummary>(id, cancellationToken) is null)
                {
                    throw new NotFound($"negotiation {id} is not in the ledger");
                }

                await Ledger.CatchUpAsync(store, cancellationToken);
                var report = await NegotiationReport.LoadAsync(session, id, DateTimeOffset.UtcNow, evidence, cancellationToken)
                    ?? throw new NotFound($"negotiation {id} is not in the ledger");
                written = await WriteAsync(chosen, path,
                    folder => Task.FromResult(CsvReport.Write(report, folder)),
                    () => Task.FromResult(Render(report, chosen, quoted)),
                    cancellationToken);
            });
            return exit != Terminal.Ok ? exit : written;
        });
        return command;
    }

    /// <summary>What the server is asked for (by <c>Accept</c>) for each format but CSV.</summary>
    private static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        ["markdown"] = "text/markdown",
        ["html"] = "text/html",
        ["json"] = "application/json",
    };

    private static string Render(NegotiationReport report, string format, int latest) => format switch
    {
        "html" => HtmlReport.Render(report, latest),
        "json" => JsonReport.Render(report, latest),
        _ => MarkdownReport.Render(report, latest),
    };

    /// <summary>Every table first, then the files: a server that fails halfway leaves no half-written folder.</summary>
    private static async Task<IReadOnlyList<string>> FetchCsvAsync(ServerClient server, string id, EvidenceFilter evidence, string folder, CancellationToken cancellationToken)
    {
        var tables = new List<(string Path, string Text)>();
        foreach (var table in CsvReport.Tables)
        {
            tables.Add((Path.Combine(folder, table + ".csv"), await server.ReportAsync(id, "text/csv", latest: null, table, evidence, cancellationToken)));
        }

        Directory.CreateDirectory(folder);
        foreach (var (file, text) in tables)
        {
            await File.WriteAllTextAsync(file, text, cancellationToken);
        }

        return tables.Select(t => t.Path).ToList();
    }

    /// <param name="writeCsv">Writes the CSV files into the folder it is given and returns their paths.</param>
    /// <param name="render">The report in any other format.</param>
    private static async Task<int> WriteAsync(string format, string? path, Func<string, Task<IReadOnlyList<string>>> writeCsv, Func<Task<string>> render,
        CancellationToken cancellationToken)
    {
        try
        {
            if (format == Csv)
            {
                foreach (var file in await writeCsv(Path.GetFullPath(path!)))
                {
                    Console.Out.WriteLine($"Wrote {file}");
                }

                return Terminal.Ok;
            }

            var text = await render();
            if (string.IsNullOrWhiteSpace(path))
            {
                await Console.Out.WriteAsync(text);
                await Console.Out.FlushAsync(cancellationToken);
                return Terminal.Ok;
            }

            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text, cancellationToken);
            Console.Out.WriteLine($"Wrote {full}");
            return Terminal.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A plain line, as Terminal prints every other problem: the path and what went wrong, no stack trace.
            Console.Error.WriteLine($"the report could not be written to {path}: {e.Message}");
            return Terminal.Failed;
        }
    }
}
