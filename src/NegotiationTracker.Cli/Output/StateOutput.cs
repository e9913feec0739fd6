using System.Text.Json;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;
using Spectre.Console;

namespace NegotiationTracker.Cli.Output;

public static class StateOutput
{
    public static void Write(IAnsiConsole console, NegotiationState state, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(state, Formats.Json));
            return;
        }

        console.Write(new Rule($"[bold]{Markup.Escape(state.Title)}[/]").LeftJustified());
        console.MarkupLineInterpolated($"[grey]id[/] {state.Id}   [grey]status[/] [bold]{state.Status.Word()}[/]   [grey]opened[/] {state.Opened}   [grey]version[/] {state.Version}");
        console.WriteLine();

        var parties = new Table().Title("Parties").AddColumns("Party", "Name", "Kind", "Role");
        foreach (var p in state.Parties)
        {
            parties.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Name), p.Kind?.Word() ?? "", p.Role.Word());
        }

        console.Write(parties);

        var issues = new Table().Title("Issues").AddColumns("Issue", "Title");
        foreach (var i in state.Issues)
        {
            issues.AddRow(Markup.Escape(i.Id), Markup.Escape(i.Title));
        }

        console.Write(issues);

        var positions = new Table().Title("Latest stance of each party on each issue").AddColumns("Issue", "Party", "Stance", "Said", "Statement");
        foreach (var p in state.Positions)
        {
            positions.AddRow(Markup.Escape(p.Issue), Markup.Escape(p.Party), p.Stance.Word() + (p.Contested ? " [yellow](contested)[/]" : "") + (p.Credibility is { } grade ? $" [grey]credibility {grade}[/]" : ""), p.Said.ToString(), Markup.Escape(p.StatementId));
        }

        console.Write(positions);

        var proposals = new Table().Title("Proposals").AddColumns("Proposal", "By", "Title", "Status", "Answers");
        foreach (var p in state.Proposals)
        {
            var answers = string.Join(", ", p.Answers.Select(a => $"{a.Party}: {a.Answer.Word()}{(a.CounterProposal is null ? "" : $" ({a.CounterProposal})")}"));
            proposals.AddRow(Markup.Escape(p.Id), Markup.Escape(p.By), Markup.Escape(p.Title), p.Status, Markup.Escape(answers));
        }

        console.Write(proposals);

        var agreements = new Table().Title("Agreements").AddColumns("Agreement", "Title", "Parties", "Signatories");
        foreach (var a in state.Agreements)
        {
            var signatories = string.Join(", ", a.Signatories.Select(s => s.Signatory is null ? s.Party : $"{s.Party} ({s.Signatory})"));
            agreements.AddRow(Markup.Escape(a.Id), Markup.Escape(a.Title), Markup.Escape(string.Join(", ", a.Parties)), Markup.Escape(signatories));
        }

        if (state.Agreements.Count == 0)
        {
            agreements.AddRow("[grey]none yet[/]", "", "", "");
        }

        console.Write(agreements);
    }
}
