using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Reports;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class TimelineCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var command = new Command("timeline", "Everything that happened in a negotiation, in the order it happened, with who recorded it when") { negotiation, format };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(negotiation)!;
            using var ledger = ILedgerQueries.For(options);
            var entries = await ledger.TimelineAsync(id, cancellationToken);
            switch (result.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(entries, Formats.Json));
                    return;
                case OutputFormat.Csv:
                    Csv.Timeline(Console.Out, entries);
                    return;
            }

            TimelineOutput.Write(AnsiConsole.Console, entries, showNegotiation: false);
        }));
        return command;
    }
}
