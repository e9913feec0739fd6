using System.CommandLine;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Projections.Negotiations;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class StateCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("state", "The current state of a negotiation: status, parties, issues, positions, proposals, agreements") { negotiation, format };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            using var store = await Ledger.OpenStoreAsync(GlobalOptions.From(result), cancellationToken);
            await using var session = store.QuerySession();
            var id = result.GetValue(negotiation)!;
            var state = await NegotiationState.LoadAsync(session, id, cancellationToken)
                ?? throw new NotFound($"negotiation {id} is not in the ledger");
            StateOutput.Write(AnsiConsole.Console, state, result.GetValue(format));
        }));
        return command;
    }
}
