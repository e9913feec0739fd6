using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Grains.Integrity;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class VerifyCommand
{
    /// <summary>The exit code when anything does not match its seal or a checkpoint.</summary>
    public const int Unverified = 5;

    public static Command Create()
    {
        var negotiation = new Argument<string?>("negotiation-id")
        {
            Description = "Verify only this negotiation's stream and its member parties' streams (default: the whole log)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint file (from checkpoint export) the log must still be an extension of" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("verify", "Check every event against its stream's hash chain, and the log against its checkpoints; exits 5 on any finding")
        {
            negotiation, checkpoint, format,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            LogCheckpointed? kept = null;
            if (result.GetValue(checkpoint) is { } file)
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"{file.FullName}: no such checkpoint file");
                    return Terminal.Missing;
                }

                try
                {
                    kept = CheckpointFile.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
                }
                catch (FormatException e)
                {
                    await Console.Error.WriteLineAsync($"{file.FullName}: {e.Message}");
                    return Terminal.Rejected;
                }
            }

            var clean = true;
            var exit = await Terminal.RunAsync(async () =>
            {
                var options = GlobalOptions.From(result);
                using var ledger = ILedgerQueries.For(options);
                var verified = await ledger.VerificationAsync(result.GetValue(negotiation), kept, cancellationToken);
                clean = verified.Clean;
                Write(verified, result.GetValue(format));
            });
            return exit == Terminal.Ok && !clean ? Unverified : exit;
        });
        return command;
    }

    /// <summary>From the result the server answers with too, so both paths print alike.</summary>
    private static void Write(VerificationResult report, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Formats.Json));
            return;
        }

        var checkpoints = report.CheckpointsChecked == 0 ? "" : $", against {report.CheckpointsChecked} checkpoint(s)";
        if (report.Clean)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]Verified[/]: {report.EventsChecked:N0} events in {report.StreamsChecked:N0} streams match their seals{checkpoints}.");
            return;
        }

        var table = new Table()
            .AddColumn(new TableColumn("Finding").NoWrap())
            .AddColumn(new TableColumn("Stream").NoWrap())
            .AddColumn(new TableColumn("Version").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Sequence").RightAligned().NoWrap())
            .AddColumn("Detail");
        foreach (var f in report.Findings)
        {
            table.AddRow(new Text(f.Kind), new Text(f.Stream), new Text(f.Version?.ToString() ?? "-"), new Text(f.Sequence?.ToString() ?? "-"), new Text(f.Detail));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[red]{report.Findings.Count} finding(s)[/] in {report.EventsChecked:N0} events in {report.StreamsChecked:N0} streams{checkpoints}.");
    }
}
