using System.CommandLine;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Projections.Statements;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query")
        {
            Description = "Words to find, all of them (English stems: withdrawal finds withdraw); \"a phrase\" in quotes; or; -word to exclude; word* for every word it starts",
        };
        query.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 0 ? null : r.Tokens[0].Value;
            if (SearchQuery.Parse(text) is null)
            {
                r.AddError(string.IsNullOrWhiteSpace(text) ? "say what to search for" : $"'{text}' has no word to search for");
            }
        });
        var negotiation = new Option<string?>("--negotiation") { Description = "Only statements of this negotiation (else every negotiation's)" };
        var party = new Option<string?>("--party") { Description = "Only statements made for this party" };
        var speaker = new Option<string?>("--speaker") { Description = "Only statements by this person" };
        var issue = new Option<string?>("--issue") { Description = "Only statements on this issue" };
        var from = StatementsCommand.DateOption("--from", "Only statements that may have been said on or after this date (2024, 2024-09, 2024-09-27)");
        var to = StatementsCommand.DateOption("--to", "Only statements that may have been said on or before this date");
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var includeRetracted = new Option<bool>("--include-retracted") { Description = "Also search statements that were retracted, voided or linked as duplicates, marked as such" };
        var command = new Command("search", "Full-text search of statements, their clarifications and other outlets' reports, best match first")
        {
            query, negotiation, party, speaker, issue, from, to, format, includeRetracted,
        };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var search = SearchQuery.Parse(result.GetValue(query))!;
            var filter = new SearchFilter(result.GetValue(negotiation), result.GetValue(party), result.GetValue(speaker), result.GetValue(issue),
                result.GetValue(from), result.GetValue(to), result.GetValue(includeRetracted));
            using var ledger = ILedgerQueries.For(options);
            SearchOutput.Write(AnsiConsole.Console, await ledger.SearchAsync(search, filter, cancellationToken), result.GetValue(format));
        }));
        return command;
    }
}
