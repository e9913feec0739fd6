using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Statements;
using Spectre.Console;
using Recorder = NegotiationTracker.Domain.Common.Recorder;

namespace NegotiationTracker.Cli.Commands;

public static class AuditCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var party = new Option<string?>("--party") { Description = "Only statements made for this party" };
        var speaker = new Option<string?>("--speaker") { Description = "Only statements by this person" };
        var recordedBy = new Option<string?>("--recorded-by")
        {
            Description = "Only statements recorded by this recorder: key:NAME (a key holder), os:USER or os:USER@HOST (an OS user), or a bare name (every kind)",
        };
        recordedBy.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && RecorderFilter.Parse("--recorded-by", text).Rejection is { } rejection)
            {
                result.AddError(rejection.Message);
            }
        });
        var from = StatementsCommand.DateOption("--from", "Only statements that may have been said on or after this date");
        var to = StatementsCommand.DateOption("--to", "Only statements that may have been said on or before this date");
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var command = new Command("audit", "Who said what when, and who recorded it when: every statement, with its corrections, reports and grades")
        {
            negotiation, party, speaker, recordedBy, from, to, format, StatementCommand(),
        };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var filter = StatementFilter.Audit(result.GetValue(negotiation)!, result.GetValue(party), result.GetValue(speaker), result.GetValue(recordedBy), result.GetValue(from), result.GetValue(to));
            using var ledger = ILedgerQueries.For(options);
            var statements = await ledger.AuditAsync(filter, cancellationToken);
            StatementsOutput.Write(AnsiConsole.Console, statements, result.GetValue(format));
        }));
        return command;
    }

    private static Command StatementCommand()
    {
        var statement = new Argument<string>("statement-id") { Description = "The statement: its id, or negotiation-id/statement-id when the id is used in several negotiations" };
        var negotiation = new Option<string?>("--negotiation") { Description = "The negotiation the statement was made in" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("statement", "Everything the event store holds about one statement, each with when and by whom it was recorded") { statement, negotiation, format };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            using var ledger = ILedgerQueries.For(options);
            var audit = await ledger.StatementAuditAsync(result.GetValue(statement)!, result.GetValue(negotiation), cancellationToken);
            if (result.GetValue(format) == OutputFormat.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(audit, Formats.Json));
                return;
            }

            // The rule's title is cut to the terminal's width; the line under it wraps, so the party's name is always read whole.
            var party = audit.PartyName is { } name && name != audit.PartyId ? $"{name} ({audit.PartyId})" : audit.PartyId;
            AnsiConsole.Write(new Rule($"Audit of statement [bold]{Markup.Escape(audit.StatementId)}[/]").LeftJustified());
            AnsiConsole.MarkupLine($"In {Markup.Escape(audit.NegotiationId)}, made by [bold]{Markup.Escape(party)}[/]");
            foreach (var e in audit.Events)
            {
                AnsiConsole.MarkupLine($"[blue]#{e.Sequence}[/] [bold]{Markup.Escape(e.Type)}[/] {Markup.Escape(e.Stream)} v{e.Version}{(e.Said is null ? "" : $" · said {e.Said}")} · recorded {e.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}Z by {Markup.Escape(Recorder.Describe(e.RecordedBy))} · correlation {Markup.Escape(e.CorrelationId ?? "")}");
                AnsiConsole.WriteLine("    " + JsonSerializer.Serialize(e.Data, e.Data.GetType(), Formats.Compact));
            }
        }));
        return command;
    }
}
