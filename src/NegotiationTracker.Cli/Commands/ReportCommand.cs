using System.CommandLine;
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

        var command = new Command("report", "A brief of a negotiation: parties, positions per issue, proposals, agreements, latest statements and a timeline")
        {
            negotiation, format, output, latest,
        };
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
                using var store = await Ledger.OpenStoreAsync(GlobalOptions.From(result), cancellationToken);
                await using var session = store.QuerySession();

                // The summary is an inline view, current without catching up; asking it first also spares an empty
                // ledger the catch-up, which waits for event activity that never comes.
                if (await session.LoadAsync<NegotiationSummary>(id, cancellationToken) is null)
                {
                    throw new NotFound($"negotiation {id} is not in the ledger");
                }

                await Ledger.CatchUpAsync(store, cancellationToken);
                var report = await NegotiationReport.LoadAsync(session, id, DateTimeOffset.UtcNow, cancellationToken)
                    ?? throw new NotFound($"negotiation {id} is not in the ledger");
                written = await WriteAsync(report, chosen, path, result.GetValue(latest), cancellationToken);
            });
            return exit != Terminal.Ok ? exit : written;
        });
        return command;
    }

    private static async Task<int> WriteAsync(NegotiationReport report, string format, string? path, int latest, CancellationToken cancellationToken)
    {
        try
        {
            if (format == Csv)
            {
                foreach (var file in CsvReport.Write(report, Path.GetFullPath(path!)))
                {
                    Console.Out.WriteLine($"Wrote {file}");
                }

                return Terminal.Ok;
            }

            var text = format switch
            {
                "html" => HtmlReport.Render(report, latest),
                "json" => JsonReport.Render(report, latest),
                _ => MarkdownReport.Render(report, latest),
            };
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
