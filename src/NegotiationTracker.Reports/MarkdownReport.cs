using System.Text;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Proposals;
using static NegotiationTracker.Reports.Markdown;

namespace NegotiationTracker.Reports;

/// <summary>
/// The brief as Markdown: what a reader needs to know about a negotiation on one page, from who is at the table to what was
/// said last, then everything in the order it happened.
/// </summary>
public static class MarkdownReport
{
    public static string Render(NegotiationReport report, int latest = NegotiationReport.DefaultLatestStatements)
    {
        var index = new ReportIndex(report);
        var md = new StringBuilder();
        Header(md, index);
        Parties(md, index);
        Issues(md, index);
        Positions(md, index);
        Proposals(md, index);
        Agreements(md, index);
        LatestStatements(md, index, latest);
        Timeline(md, index);
        Sources(md, index);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Header(StringBuilder md, ReportIndex index)
    {
        var report = index.Report;
        var state = report.State;
        md.AppendLine($"# {Text(state.Title)}").AppendLine();
        md.AppendLine($"**Status:** {state.Status.Word()} · **Opened:** {state.Opened} · "
            + $"**Parties:** {index.NegotiatingParties.Count} (+ {index.Commentators.Count} commentators) · **Issues:** {state.Issues.Count} · "
            + $"**Statements:** {report.StatementCount()} · **Proposals:** {report.Proposals.Count} ({report.OpenProposals.Count} open) · "
            + $"**Agreements:** {report.Agreements.Count}").AppendLine();
        md.AppendLine($"_Negotiation {Text(state.Id)}, brief generated {Wording.Instant(report.GeneratedAt)} from the ledger at version {state.Version}._").AppendLine();
        if (report.EvidenceNote() is { } note)
        {
            md.AppendLine($"**{note}**").AppendLine();
        }
    }

    private static void Parties(StringBuilder md, ReportIndex index)
    {
        md.AppendLine("## Parties").AppendLine();
        PartyTable(md, "Party", index.NegotiatingParties);
        if (index.Commentators.Count > 0)
        {
            md.AppendLine("**Commentators** (analysts and media: they comment on the talks, they do not negotiate)").AppendLine();
            PartyTable(md, "Commentator", index.Commentators);
        }
    }

    private static void PartyTable(StringBuilder md, string heading, IReadOnlyList<PartyInNegotiation> parties)
    {
        if (parties.Count == 0)
        {
            md.AppendLine("_None._").AppendLine();
            return;
        }

        md.AppendLine($"| {heading} | Kind | Role | Statements |");
        md.AppendLine("| --- | --- | --- | ---: |");
        foreach (var party in parties)
        {
            md.AppendLine($"| {Text(party.Name)} | {party.Kind?.Word() ?? "—"} | {party.Role.Word()} | {party.Statements} |");
        }

        md.AppendLine();
    }

    private static void Issues(StringBuilder md, ReportIndex index)
    {
        if (!Section(md, "## Issues", index.Report.State.Issues.Count == 0, "No issues recorded."))
        {
            return;
        }

        foreach (var issue in index.Report.State.Issues)
        {
            md.AppendLine($"- **{Text(issue.Title)}** ({Text(issue.Id)})");
        }

        md.AppendLine();
    }

    private static void Positions(StringBuilder md, ReportIndex index)
    {
        md.AppendLine("## Positions").AppendLine();
        md.AppendLine("Each party's current stance on each issue, from the latest statement that takes one. Commentators' views follow each table, apart from the parties'.").AppendLine();
        foreach (var issue in index.Report.Positions)
        {
            md.AppendLine($"### {Text(issue.Title)}").AppendLine();
            var parties = issue.Parties.Where(p => !Wording.IsCommentary(p.Role)).ToList();
            var commentary = issue.Parties.Where(p => Wording.IsCommentary(p.Role)).ToList();
            if (parties.Count > 0)
            {
                PositionTable(md, "Party", parties);
            }
            else
            {
                md.AppendLine("_No party has taken a stance on this issue._").AppendLine();
            }

            var silent = index.NegotiatingParties.Where(p => parties.All(q => q.PartyId != p.Id)).Select(p => Text(p.Name)).ToList();
            if (parties.Count > 0 && silent.Count > 0)
            {
                md.AppendLine($"No stance recorded from: {string.Join(", ", silent)}.").AppendLine();
            }

            if (commentary.Count > 0)
            {
                md.AppendLine("Commentary:").AppendLine();
                PositionTable(md, "Commentator", commentary);
            }
        }
    }

    private static void PositionTable(StringBuilder md, string heading, IReadOnlyList<PartyPosition> positions)
    {
        md.AppendLine($"| {heading} | Stance | Latest evidence | Statement |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var position in positions)
        {
            var shifts = position.Shifts > 1 ? $" · {Wording.Shifts(position.Shifts)}" : "";
            md.AppendLine($"| {Text(position.PartyName)} | **{position.Stance.Word()}**{(position.Contested ? " _(contested)_" : "")}{(position.ShiftedFrom is { } from ? $" (shifted from {from.Word()})" : "")}{shifts} "
                + $"| {position.LatestEvidence} | {Text(position.LatestStatementId)} |");
        }

        md.AppendLine();
    }

    private static void Proposals(StringBuilder md, ReportIndex index)
    {
        var report = index.Report;
        if (!Section(md, "## Proposals", report.Proposals.Count == 0, "No proposal has been tabled."))
        {
            return;
        }

        md.AppendLine($"### Open proposals ({report.OpenProposals.Count})").AppendLine();
        if (report.OpenProposals.Count == 0)
        {
            md.AppendLine("_None open._").AppendLine();
        }

        foreach (var proposal in report.OpenProposals)
        {
            OpenProposal(md, index, proposal);
        }

        md.AppendLine("### All proposals").AppendLine();
        md.AppendLine("| Proposal | Tabled by | Tabled | Status | Counters | Answers | Agreement |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var proposal in report.Proposals)
        {
            var answers = proposal.Answers.Count == 0 ? "—" : string.Join("; ", proposal.Answers.Select(a => $"{Text(index.PartyName(a.Party))}: {a.Answer.Word()}"));
            md.AppendLine($"| <a id=\"{Anchor("proposal", proposal.ProposalId)}\"></a>{Text(proposal.Title)} ({Text(proposal.ProposalId)}) | {Text(index.PartyName(proposal.TabledBy))} "
                + $"| {Wording.Date(proposal.Tabled)} | {Text(proposal.Status)} | {ProposalLink(proposal.Counters)} | {answers} | {AgreementLink(proposal.AgreementId)} |");
        }

        md.AppendLine();
        var chains = index.CounterChains();
        if (chains.Count > 0)
        {
            md.AppendLine("Lineage (each proposal countered by the next):").AppendLine();
            foreach (var chain in chains)
            {
                md.AppendLine($"- {string.Join(" → ", chain.Select(p => $"{ProposalLink(p.ProposalId)} by {Text(index.PartyName(p.TabledBy))} ({Text(p.Status)})"))}");
            }

            md.AppendLine();
        }
    }

    private static void OpenProposal(StringBuilder md, ReportIndex index, ProposalLineage proposal)
    {
        md.AppendLine($"#### {Text(proposal.Title)}").AppendLine();
        var counters = proposal.Counters is { } earlier ? $" · counters {ProposalLink(earlier)}" : "";
        md.AppendLine($"Tabled by **{Text(index.PartyName(proposal.TabledBy))}** · {Wording.Date(proposal.Tabled)} · {Text(proposal.ProposalId)}{counters}").AppendLine();
        md.AppendLine("Terms:").AppendLine();
        foreach (var term in proposal.Terms)
        {
            md.AppendLine($"- _{Text(index.IssueTitle(term.Issue))}_: {Text(term.Text)}");
        }

        md.AppendLine();
        if (proposal.Answers.Count == 0)
        {
            md.AppendLine("No answers yet.").AppendLine();
            return;
        }

        md.AppendLine("Answers:").AppendLine();
        foreach (var answer in proposal.Answers)
        {
            var counter = answer.CounterProposal is { } id ? $" with {ProposalLink(id)}" : "";
            md.AppendLine($"- {Text(index.PartyName(answer.Party))}: **{answer.Answer.Word()}**{counter} ({Wording.Date(answer.Said)})");
        }

        md.AppendLine();
    }

    private static void Agreements(StringBuilder md, ReportIndex index)
    {
        if (!Section(md, "## Agreements", index.Report.Agreements.Count == 0, "No agreement has been reached."))
        {
            return;
        }

        foreach (var agreement in index.Report.Agreements)
        {
            Agreement(md, index, agreement);
        }
    }

    private static void Agreement(StringBuilder md, ReportIndex index, AgreementRecord agreement)
    {
        md.AppendLine($"### <a id=\"{Anchor("agreement", agreement.AgreementId)}\"></a>{Text(agreement.Title)}").AppendLine();
        var proposal = agreement.ProposalId is { } id ? $" · from proposal {ProposalLink(id)}" : "";
        md.AppendLine($"**{Text(agreement.Status)}** · reached {Wording.Date(agreement.Reached)} · {Text(agreement.AgreementId)}{proposal}").AppendLine();
        md.AppendLine($"Parties: {string.Join(", ", agreement.PartyIds.Select(p => Text(index.PartyName(p))))}").AppendLine();
        if (agreement.Terms.Count > 0)
        {
            md.AppendLine("Terms:").AppendLine();
            foreach (var term in agreement.Terms)
            {
                md.AppendLine($"- _{Text(index.IssueTitle(term.Issue))}_: {Text(term.Text)}");
            }

            md.AppendLine();
        }

        md.AppendLine("| Party | Signatory | Signed |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var (party, signatory, date, _) in Wording.Signatures(index, agreement))
        {
            md.AppendLine($"| {Text(party)} | {Text(signatory)} | {date} |");
        }

        md.AppendLine();
    }

    private static void LatestStatements(StringBuilder md, ReportIndex index, int latest)
    {
        var report = index.Report;
        var statements = report.LatestStatements(latest);
        if (!Section(md, $"## Latest statements ({statements.Count} of {report.Statements.Count}, newest first)", report.Statements.Count == 0, "No statements."))
        {
            return;
        }

        foreach (var statement in statements)
        {
            var who = statement.SpeakerApart is { } speaker ? $"{Text(speaker)} for {Text(statement.PartyName)}" : Text(statement.PartyName);
            var commentary = index.IsCommentator(statement.Party) ? " (commentary)" : "";
            var stance = statement.Stance is { } s ? $", **{s.Word()}**" : "";
            var issues = statement.Issues.Count == 0 ? "" : $" on {string.Join("; ", statement.Issues.Select(i => $"_{Text(index.IssueTitle(i))}_"))}";
            md.AppendLine($"**{statement.Said} · {who}**{commentary} — {statement.Kind.Word()}{stance}{issues}").AppendLine();
            md.AppendLine($"> {Text(statement.Text)}").AppendLine();
            var source = statement.Source is null
                ? "no source"
                : $"according to “{Text(statement.Source.Title)}”{(statement.Source.Outlet is { } outlet ? $", {Text(outlet)}" : "")}{(statement.Source.Url is { } url ? $", {Text(url)}" : "")}";
            md.AppendLine($"_{statement.Attribution.Word()}, {source} · {Text(statement.Id)}_").AppendLine();
        }
    }

    private static void Timeline(StringBuilder md, ReportIndex index)
    {
        if (!Section(md, "## Timeline", index.Report.Timeline.Count == 0, "Nothing recorded yet."))
        {
            return;
        }

        md.AppendLine("| Said | Who | What |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var item in index.Report.Timeline)
        {
            md.AppendLine($"| {Wording.Date(item.Entry.Said)} | {Text(Wording.Who(index, item))} | {Text(Wording.What(index, item.Entry))} |");
        }

        md.AppendLine();
    }

    private static void Sources(StringBuilder md, ReportIndex index)
    {
        if (!Section(md, "## Sources", index.Report.Sources.Count == 0, "No sources registered."))
        {
            return;
        }

        foreach (var citations in index.Report.Sources)
        {
            var source = citations.Source;
            var outlet = source.Outlet is { } o ? $", {Text(o)}" : "";
            var published = source.Published is { } p ? $", published {p}" : "";
            var url = source.Url is { } u ? $" — {Text(u)}" : "";
            md.AppendLine($"- “{Text(source.Title)}”{outlet}{published}{url} · cited by {citations.Describe()}");
        }

        md.AppendLine();
    }

    /// <summary>A section's heading, and where it has nothing to show (<paramref name="empty"/>) the note that says so: then false, and the section ends there.</summary>
    private static bool Section(StringBuilder md, string heading, bool empty, string nothing)
    {
        md.AppendLine(heading).AppendLine();
        if (empty)
        {
            md.AppendLine($"_{nothing}_").AppendLine();
        }

        return !empty;
    }

    private static string ProposalLink(string? id) => id is null ? "—" : Link(id, Anchor("proposal", id));

    private static string AgreementLink(string? id) => id is null ? "—" : Link(id, Anchor("agreement", id));
}
