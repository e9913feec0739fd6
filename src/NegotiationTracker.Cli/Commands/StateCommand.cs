using System.CommandLine;
using NegotiationTracker.Cli.Output;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class StateCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json);
        var asOf = StatementsCommand.DateOption("--as-of", "Replay what had happened by the end of this date (2024, 2024-09, 2024-09-27 or an instant)");
        var knownAt = StatementsCommand.DateOption("--known-at", "Replay what had been recorded by this moment (a date means by its end; or an instant, e.g. 2026-11-25T17:00:00Z)");
        var evidenceOptions = new EvidenceOptions();
        var command = new Command("state", "The state of a negotiation: status, parties, issues, positions, proposals, agreements; now, or replayed to a moment")
        {
            negotiation, format, asOf, knownAt,
        };
        evidenceOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(negotiation)!;
            var (happened, known) = (result.GetValue(asOf), result.GetValue(knownAt));
            var evidence = evidenceOptions.From(result);
            using var ledger = ILedgerQueries.For(options);
            var state = await ledger.StateAsync(id, happened, known, evidence, cancellationToken);
            StateOutput.Write(AnsiConsole.Console, state, result.GetValue(format));
        }));
        return command;
    }
}
