using System.CommandLine;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Statements;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class StatementsCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var party = new Option<string?>("--party") { Description = "Only statements made for this party" };
        var speaker = new Option<string?>("--speaker") { Description = "Only statements by this person" };
        var issue = new Option<string?>("--issue") { Description = "Only statements on this issue" };
        var from = DateOption("--from", "Only statements that may have been said on or after this date (2024, 2024-09, 2024-09-27)");
        var to = DateOption("--to", "Only statements that may have been said on or before this date");
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var includeRetracted = new Option<bool>("--include-retracted") { Description = "Also list statements that were retracted, voided or linked as duplicates, marked as such" };
        var command = new Command("statements", "Who said what, when, on which issue, according to which source, and who recorded it")
        {
            negotiation, party, speaker, issue, from, to, format, includeRetracted,
        };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var filter = new StatementFilter(result.GetValue(negotiation)!, result.GetValue(party), result.GetValue(speaker), result.GetValue(issue), result.GetValue(from), result.GetValue(to), result.GetValue(includeRetracted));
            using var ledger = ILedgerQueries.For(options);
            var statements = await ledger.StatementsAsync(filter, cancellationToken);
            StatementsOutput.Write(AnsiConsole.Console, statements, result.GetValue(format));
        }));
        return command;
    }

    public static Option<PartialDate?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 0 ? null : r.Tokens[0].Value;
            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }

            r.AddError($"{name} '{text}' is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone");
            return null;
        },
    };
}
