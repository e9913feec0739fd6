using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Dossiers;
using NegotiationTracker.Reports;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class DossierCommand
{
    public static Command Create()
    {
        var party = new Argument<string>("party-id") { Description = "The party, e.g. iraq" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first", DefaultValueFactory = _ => PartyDossier.DefaultEntries };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var command = new Command("dossier", "Everything one party and its people said and did, across all negotiations, newest first") { party, limit, format };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(party)!;
            var entries = Math.Clamp(result.GetValue(limit), 1, PartyDossier.MaxEntries);
            using var ledger = ILedgerQueries.For(options);
            var dossier = await ledger.DossierAsync(id, entries, cancellationToken);
            switch (result.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(dossier, Formats.Json));
                    return;
                case OutputFormat.Csv:
                    Csv.Timeline(Console.Out, dossier.Entries);
                    return;
            }

            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(dossier.Party.Name)}[/] ({dossier.Party.Kind.Word()})").LeftJustified());
            foreach (var person in dossier.Party.People)
            {
                AnsiConsole.MarkupLineInterpolated($"  [grey]{person.Id}[/] {person.Name}{(person.Title is null ? "" : $", {person.Title}")}");
            }

            TimelineOutput.Write(AnsiConsole.Console, dossier.Entries, showNegotiation: true);
        }));
        return command;
    }
}
