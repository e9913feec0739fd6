using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Reports;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class PositionsCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var party = new Option<string?>("--party") { Description = "Only this party's positions" };
        var issue = new Option<string?>("--issue") { Description = "Only positions on this issue" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var evidenceOptions = new EvidenceOptions();
        var command = new Command("positions", "How each party's stance on each issue developed: periods of one stance, the shifts between them, and the statements that show them")
        {
            negotiation, party, issue, format,
        };
        evidenceOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(negotiation)!;
            using var ledger = ILedgerQueries.For(options);
            // A blank filter is no filter, as the API reads an empty query value.
            var histories = await ledger.PositionsAsync(id, Given(result.GetValue(party)), Given(result.GetValue(issue)), evidenceOptions.From(result), cancellationToken);
            switch (result.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(histories, Formats.Json));
                    return;
                case OutputFormat.Csv:
                    Csv.Positions(Console.Out, histories);
                    return;
            }

            PositionsOutput.Write(AnsiConsole.Console, histories);
        }));
        return command;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
