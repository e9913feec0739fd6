using System.CommandLine;
using NegotiationTracker.Reports;

namespace NegotiationTracker.Cli.Commands;

public static class ReportCommand
{
    private const string Csv = "csv";
    private const string Xlsx = "xlsx";

    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = new Option<string>("--format")
        {
            Description = "markdown (the brief), html (the brief as one self-contained page with a timeline chart), json (all the data), csv (one file per table), xlsx (one workbook, a sheet per table)",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "html", "json", Csv, Xlsx);
        var output = new Option<string?>("--out")
        {
            Description = "File to write the report to (default: standard output); for csv, the folder to write its files into (required); for xlsx, the workbook's file (required)",
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

            if (chosen == Xlsx && string.IsNullOrWhiteSpace(path))
            {
                Console.Error.WriteLine("--format xlsx writes a workbook, not text: pass --out FILE.xlsx to say where");
                return Terminal.Rejected;
            }

            var written = Terminal.Ok;
            var exit = await Terminal.RunAsync(async () =>
            {
                var options = GlobalOptions.From(result);
                var quoted = result.GetValue(latest);
                var evidence = evidenceOptions.From(result);
                using var ledger = ILedgerQueries.For(options);
                // Everything is read before anything is written: a server or a database that fails halfway leaves no half-written folder.
                written = chosen switch
                {
                    Csv => await WriteTablesAsync(await ledger.ReportTablesAsync(id, evidence, cancellationToken), path!, cancellationToken),
                    Xlsx => await WriteWorkbookAsync(await ledger.ReportWorkbookAsync(id, evidence, cancellationToken), path!, cancellationToken),
                    _ => await WriteAsync(await ledger.ReportAsync(id, chosen, quoted, evidence, cancellationToken), path, cancellationToken),
                };
            });
            return exit != Terminal.Ok ? exit : written;
        });
        return command;
    }

    /// <summary>Each table as its file in the folder, named after the table.</summary>
    private static Task<int> WriteTablesAsync(IReadOnlyList<(string Table, string Text)> tables, string path, CancellationToken cancellationToken) => WritingAsync(path, async () =>
    {
        var folder = Path.GetFullPath(path);
        Directory.CreateDirectory(folder);
        var files = tables.Select(t => (Path: Path.Combine(folder, t.Table + ".csv"), t.Text)).ToList();
        foreach (var (file, text) in files)
        {
            await File.WriteAllTextAsync(file, text, cancellationToken);
        }

        foreach (var (file, _) in files)
        {
            Console.Out.WriteLine($"Wrote {file}");
        }
    });

    private static Task<int> WriteWorkbookAsync(byte[] workbook, string path, CancellationToken cancellationToken) => WritingAsync(path, async () =>
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, workbook, cancellationToken);
        Console.Out.WriteLine($"Wrote {full}");
    });

    /// <summary>The report to standard output, or to the file at the path when one is given.</summary>
    private static Task<int> WriteAsync(string text, string? path, CancellationToken cancellationToken) => WritingAsync(path, async () =>
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await Console.Out.WriteAsync(text);
            await Console.Out.FlushAsync(cancellationToken);
            return;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, text, cancellationToken);
        Console.Out.WriteLine($"Wrote {full}");
    });

    private static async Task<int> WritingAsync(string? path, Func<Task> write)
    {
        try
        {
            await write();
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
