using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Reports;
using Spectre.Console;
using Recorder = NegotiationTracker.Domain.Common.Recorder;

namespace NegotiationTracker.Cli.Commands;

public static class HistoryCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var command = new Command("history", "Every event of a negotiation in the order it was recorded: sequence, stream, version, type, said, recorded at and by, correlation id")
        {
            negotiation, format,
        };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(negotiation)!;
            using var ledger = ILedgerQueries.For(options);
            var history = await ledger.HistoryAsync(id, cancellationToken);
            switch (result.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(history, Formats.Json));
                    return;
                case OutputFormat.Csv:
                    Csv.History(Console.Out, history, Formats.Compact);
                    return;
            }

            var table = new Table().Title($"History of {Markup.Escape(id)} ({history.Count} events)")
                .AddColumns("#", "Stream", "Version", "Type", "Said", "Recorded at (UTC)", "By", "Correlation");
            foreach (var e in history)
            {
                table.AddRow(e.Sequence.ToString(), Markup.Escape(e.Stream), e.Version.ToString(), Markup.Escape(e.Type), e.Said?.ToString() ?? "",
                    e.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff"), Markup.Escape(Recorder.Describe(e.RecordedBy)), Markup.Escape(e.CorrelationId ?? ""));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }
}
