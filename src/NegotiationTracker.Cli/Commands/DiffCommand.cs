using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Replay;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class DiffCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var knownAt = Dates("--known-at", "A moment of recording (give two to compare what was known then; a date means by its end)");
        var asOf = Dates("--as-of", "A date of happening (give two to compare what had happened by each)");
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("diff", "What changed between two moments: statements added, stances shifted, proposals answered, agreements reached")
        {
            negotiation, knownAt, asOf, format,
        };
        command.Validators.Add(r =>
        {
            if (!new DiffMoments(r.GetValue(asOf) ?? [], r.GetValue(knownAt) ?? []).AreTwo)
            {
                r.AddError("give two moments to compare: --known-at T1 --known-at T2, or --as-of D1 --as-of D2 (a single value of the other applies to both)");
            }
        });
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(negotiation)!;
            var moments = new DiffMoments(result.GetValue(asOf) ?? [], result.GetValue(knownAt) ?? []);
            using var ledger = ILedgerQueries.For(options);
            var diff = await ledger.DiffAsync(id, moments, cancellationToken);
            if (result.GetValue(format) == OutputFormat.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(diff, Formats.Json));
                return;
            }

            Write(AnsiConsole.Console, diff, Describe(moments.Before), Describe(moments.After));
        }));
        return command;
    }

    private static string Describe((PartialDate? AsOf, PartialDate? KnownAt) moment) => Describe(moment.AsOf, moment.KnownAt);

    private static string Describe(PartialDate? asOf, PartialDate? knownAt) =>
        string.Join(", ", new[] { asOf is null ? null : $"happened by {asOf}", knownAt is null ? null : $"known at {knownAt}" }.OfType<string>());

    private static void Write(IAnsiConsole console, NegotiationDiff diff, string from, string to)
    {
        console.Write(new Rule($"From [bold]{Markup.Escape(from)}[/] to [bold]{Markup.Escape(to)}[/]: {diff.Count} change(s)").LeftJustified());
        Section(console, "Statements added", diff.StatementsAdded.Select(s => $"{s.Said}  {s.PartyId}: {s.Text} [{s.StatementId}]{Standing(s)}"));
        Section(console, "Stances shifted", diff.StancesShifted.Select(s => $"{s.Party} on {s.Issue}: {(s.From is { } f ? f.Word() : "no stance")} → {s.To.Word()}{(s.Contested ? " (contested)" : "")} ({s.StatementId}, {s.Said})"));
        Section(console, "Proposals tabled", diff.ProposalsTabled.Select(p => $"{p.Said}  {p.PartyId}: {p.Title} [{p.ProposalId}]"));
        Section(console, "Proposals answered", diff.ProposalsAnswered.Select(a => $"{a.Said}  {a.PartyId} {a.Answer.Word()}s {a.ProposalId}{(a.CounterProposalId is null ? "" : $" with {a.CounterProposalId}")}"));
        Section(console, "Proposals withdrawn", diff.ProposalsWithdrawn.Select(w => $"{w.Said}  {w.PartyId} withdrew {w.ProposalId}"));
        Section(console, "Agreements reached", diff.AgreementsReached.Select(a => $"{a.Said}  {a.Title} [{a.AgreementId}] by {string.Join(", ", a.PartyIds)}"));
        Section(console, "Agreements signed", diff.AgreementsSigned.Select(s => $"{s.Said}  {s.PartyId} signed {s.AgreementId}"));
        Section(console, "Status changes", diff.StatusChanges.Select(s => $"{s.Said}  {s.Status.Word()}: {s.Reason}"));
        Section(console, "Corrections applied", diff.CorrectionsApplied.Select(Correction));
        Section(console, "Parties joined", diff.PartiesJoined.Select(j => $"{j.Said}  {j.PartyId} as {j.Role.Word()}"));
        if (diff.EventsOnlyBefore > 0)
        {
            console.MarkupLineInterpolated($"[grey]{diff.EventsOnlyBefore} event(s) of the first moment are not in the second (the moments are in reverse order).[/]");
        }
    }

    /// <summary>
    /// One correction as a line a reader takes in at a glance: its kind, the statement and its party, when it was said
    /// where the correction says, what changed, and why. The events themselves are listed, fields and all, by --format json.
    /// </summary>
    private static string Correction(object correction)
    {
        var kind = CorrectionsJsonConverter.Kind(correction);
        return correction switch
        {
            StatementRetracted r => Line(kind, r, r.Said, Quoted(r.Reason)),
            StatementDenied d => Line(kind, d, d.Said, Quoted(d.Reason)),
            StatementClarified c => Line(kind, c, c.Said, Quoted(c.Clarification)),
            StatementReported r => Line(kind, r, r.Said, $"by {r.SourceId} ({r.Attribution.Word()}{(r.ReportedVia is null ? "" : $", via {r.ReportedVia}")}): {Quoted(r.Text)}"),
            ReportCorrected c => Line(kind, c, c.Said, $"{c.SourceId} corrected its report: {Quoted(c.Correction)}"),
            RecordAmended a => Line(kind, a, null, $"{a.Field} {a.OldValue} → {a.NewValue} ({a.Reason})"),
            RecordVoided v => Line(kind, v, null, Quoted(v.Reason)),
            DuplicateLinked l => Line(kind, l, null, $"a duplicate of {l.DuplicateOf} ({l.Reason})"),
            DuplicateUnlinked u => Line(kind, u, null, $"no longer a duplicate of {u.DuplicateOf} ({u.Reason})"),
            StatementGraded g => Line(kind, g, null, $"credibility {g.Credibility} ({g.Reason})"),
            SourceGraded g => $"{kind,-18} source {g.SourceId}  reliability {g.Reliability} ({g.Reason})",

            // A kind this program does not know, as a newer server may send: its fields as JSON, never a type's dump.
            _ => $"{kind,-18} {JsonSerializer.Serialize(correction, correction.GetType(), Formats.Compact)}",
        };
    }

    private static string Line(string kind, IStatementAnnotation about, PartialDate? said, string what) =>
        $"{kind,-18} {about.StatementId} ({about.PartyId}){(said is null ? "" : $"  {said}")}  {what}";

    private static string Quoted(string text) => $"\"{text}\"";

    private static void Section(IAnsiConsole console, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        console.MarkupLineInterpolated($"[bold]{title}[/] ({items.Count})");
        foreach (var line in items)
        {
            console.WriteLine("  " + line);
        }
    }

    private static Option<List<PartialDate>> Dates(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = r =>
        {
            var dates = new List<PartialDate>();
            foreach (var token in r.Tokens)
            {
                if (PartialDate.TryParse(token.Value, out var date))
                {
                    dates.Add(date);
                }
                else
                {
                    r.AddError($"{name} '{token.Value}' is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone");
                }
            }

            return dates;
        },
    };

    /// <summary>A statement's standing at the later moment, when it is anything but standing unchallenged: " (void)", " (duplicate of s1, contested)".</summary>
    private static string Standing(AddedStatement s)
    {
        var marks = new List<string>();
        if (s.Status != RecordStatuses.Standing)
        {
            marks.Add(s.Status == RecordStatuses.Duplicate && s.DuplicateOf is { } of ? $"duplicate of {of}" : s.Status);
        }

        if (s.Contested)
        {
            marks.Add("contested");
        }

        return marks.Count == 0 ? "" : $" ({string.Join(", ", marks)})";
    }
}
