using System.Text;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using static NegotiationTracker.Reports.Html;

namespace NegotiationTracker.Reports;

/// <summary>
/// The brief as one self-contained HTML page: inline CSS and an inline SVG chart, nothing fetched from anywhere and no
/// script, so it opens offline, can be mailed as one file, and prints on A4.
/// </summary>
public static class HtmlReport
{
    public static string Render(NegotiationReport report, int latest = NegotiationReport.DefaultLatestStatements)
    {
        var statements = report.LatestStatements(latest);
        return Page($"{report.State.Title} — negotiation brief", Brief(report, new StatementSection("Latest statements",
            $"({statements.Count} of {report.Statements.Count}, newest first)", statements, report.Statements.Count == 0 ? "No statements." : null)));
    }

    /// <summary>
    /// A whole page with the brief's look (its inline styles, its print rules), around <paramref name="content"/>, which is
    /// markup whose ledger text is already encoded. <paramref name="styles"/> adds rules of the host's own, inline too.
    /// </summary>
    public static string Page(string title, string content, string styles = "")
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>{Encode(title)}</title>");
        html.AppendLine($"<style>{Styles}{styles}</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine("<div class=\"page\">");
        html.Append(content);
        html.AppendLine("</div>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    /// <summary>
    /// The brief's content, masthead to footer, with <paramref name="statements"/> as its statement section: the file lists
    /// the latest few there, the server the log its reader filtered.
    /// </summary>
    public static string Brief(NegotiationReport report, StatementSection statements)
    {
        var index = new ReportIndex(report);
        var html = new StringBuilder();
        Masthead(html, index);
        Contents(html, statements);
        html.AppendLine("<main>");
        Parties(html, index);
        Positions(html, index);
        Proposals(html, index);
        Agreements(html, index);
        Statements(html, index, statements);
        Timeline(html, index);
        Sources(html, index);
        html.AppendLine("</main>");
        html.AppendLine($"<footer>Negotiation {Encode(report.State.Id)} · generated {Encode(Wording.Instant(report.GeneratedAt))} from the ledger at version {report.State.Version}. "
            + "Dates are as precise as the sources: “2024-09” means some day in September 2024.</footer>");
        return html.ToString();
    }

    private static void Masthead(StringBuilder html, ReportIndex index)
    {
        var report = index.Report;
        var state = report.State;
        html.AppendLine("<header class=\"masthead\">");
        html.AppendLine($"<p class=\"kicker\">Negotiation brief · {Encode(state.Id)}</p>");
        html.AppendLine($"<h1>{Encode(state.Title)}</h1>");
        html.AppendLine("<dl class=\"facts\">");
        Fact(html, "Status", $"<span class=\"status status-{Encode(state.Status.Word())}\">{Encode(state.Status.Word())}</span>");
        Fact(html, "Opened", Encode(state.Opened.ToString()));
        Fact(html, "Parties", $"{index.NegotiatingParties.Count}{(index.Commentators.Count > 0 ? $" <small>+ {index.Commentators.Count} commentators</small>" : "")}");
        Fact(html, "Issues", state.Issues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Fact(html, "Statements", Encode(report.StatementCount()));
        Fact(html, "Proposals", $"{report.Proposals.Count} <small>{report.OpenProposals.Count} open</small>");
        Fact(html, "Agreements", $"{report.Agreements.Count}{(report.Agreements.Count > 0 ? $" <small>{report.Agreements.Count(a => a.Status == AgreementRecord.Statuses.Signed)} signed</small>" : "")}");
        html.AppendLine("</dl>");
        if (report.EvidenceNote() is { } note)
        {
            html.AppendLine($"<p class=\"banner\">{Encode(note)}</p>");
        }

        html.AppendLine("<ul class=\"standing\">");
        foreach (var line in Standing(index))
        {
            html.AppendLine($"<li>{line}</li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("</header>");
    }

    /// <summary>Where things stand, in a few sentences: the open proposals and who has answered, agreements, shifts, the latest date.</summary>
    private static IEnumerable<string> Standing(ReportIndex index)
    {
        var report = index.Report;
        var principals = report.State.Parties.Where(p => p.Role == PartyRole.Principal).Select(p => p.Id).ToList();
        foreach (var proposal in report.OpenProposals)
        {
            var answers = proposal.Answers.Count == 0
                ? "no answer yet"
                : string.Join(", ", proposal.Answers.Select(a => $"{AnswerPast(a.Answer)} by {Encode(index.PartyName(a.Party))}"));
            var awaiting = principals.Where(p => p != proposal.TabledBy && proposal.Answers.All(a => a.Party != p)).Select(p => Encode(index.PartyName(p))).ToList();
            var waiting = awaiting.Count > 0 ? $"; awaiting {string.Join(", ", awaiting)}" : "";
            yield return $"<strong>Open proposal</strong> <a href=\"#{Id("open-proposal", proposal.ProposalId)}\">“{Encode(proposal.Title)}”</a> by {Encode(index.PartyName(proposal.TabledBy))}: {answers}{waiting}.";
        }

        yield return report.Agreements.Count == 0
            ? "<strong>No agreement</strong> has been reached."
            : $"<strong>Agreements:</strong> {string.Join(", ", report.Agreements.Select(a => $"<a href=\"#{Id("agreement", a.AgreementId)}\">“{Encode(a.Title)}”</a> {Encode(a.Status)}"))}.";

        var shifted = report.Positions.SelectMany(i => i.Parties.Where(p => p.ShiftedFrom is not null).Select(p => (Issue: i, Party: p))).ToList();
        if (shifted.Count > 0)
        {
            yield return $"<strong>Shifts:</strong> {string.Join("; ", shifted.Select(s => $"{Encode(s.Party.PartyName)} now {s.Party.Stance.Word()}{(s.Party.Contested ? " (contested: the speaker denies it)" : "")} (was {s.Party.ShiftedFrom!.Value.Word()}) on {Encode(s.Issue.Title)}"))}.";
        }

        if (report.Statements.Count > 0)
        {
            var latest = report.Statements[^1];
            yield return $"<strong>Latest statement</strong> said {Encode(latest.Said.ToString())}, by {Encode(latest.SpeakerName ?? latest.PartyName)}.";
        }
    }

    private static string AnswerPast(Answer answer) => answer switch
    {
        Answer.Accept => "accepted",
        Answer.Reject => "rejected",
        Answer.Counter => "countered",
        _ => answer.Word(),
    };

    private static void Fact(StringBuilder html, string term, string value) =>
        html.AppendLine($"<div><dt>{term}</dt><dd>{value}</dd></div>");

    private static void Contents(StringBuilder html, StatementSection statements) =>
        html.AppendLine("<nav class=\"contents\"><a href=\"#parties\">Parties</a><a href=\"#positions\">Positions</a><a href=\"#proposals\">Proposals</a>"
            + $"<a href=\"#agreements\">Agreements</a><a href=\"#statements\">{Encode(statements.Heading)}</a><a href=\"#timeline\">Timeline</a><a href=\"#sources\">Sources</a></nav>");

    private static void Parties(StringBuilder html, ReportIndex index)
    {
        OpenSection(html, "parties", "Parties");
        html.AppendLine("<div class=\"columns\">");
        PartyTable(html, "At the table", "Party", index.NegotiatingParties);
        if (index.Commentators.Count > 0)
        {
            PartyTable(html, "Commentators — analysts and media, not negotiating", "Commentator", index.Commentators);
        }

        html.AppendLine("</div>");
        html.AppendLine("</section>");
    }

    private static void PartyTable(StringBuilder html, string caption, string heading, IReadOnlyList<PartyInNegotiation> parties)
    {
        html.AppendLine("<table class=\"parties\">");
        html.AppendLine($"<caption>{Encode(caption)}</caption>");
        html.AppendLine($"<thead><tr><th scope=\"col\">{heading}</th><th scope=\"col\">Kind</th><th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Statements</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var party in parties)
        {
            html.AppendLine($"<tr id=\"{Id("party", party.Id)}\"><th scope=\"row\">{Encode(party.Name)}</th><td>{Encode(party.Kind?.Word() ?? "—")}</td>"
                + $"<td><span class=\"role role-{Encode(party.Role.Word())}\">{Encode(party.Role.Word())}</span></td><td class=\"num\">{party.Statements}</td></tr>");
        }

        if (parties.Count == 0)
        {
            html.AppendLine("<tr><td colspan=\"4\" class=\"empty\">None.</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
    }

    private static void Positions(StringBuilder html, ReportIndex index)
    {
        var report = index.Report;
        var withStance = report.Positions.SelectMany(i => i.Parties).Select(p => p.PartyId).ToHashSet();

        // Every negotiating party gets a column, silent or not: a blank column says who has not spoken. Commentators only where they commented.
        var parties = index.NegotiatingParties;
        var commentators = index.Commentators.Where(c => withStance.Contains(c.Id)).ToList();
        OpenSection(html, "positions", "Positions");
        html.AppendLine("<p class=\"lead\">Each party's current stance on each issue, from its latest statement that takes one, with the date of that statement. "
            + "Commentators' views are set apart on the right: they are not negotiating.</p>");
        html.AppendLine("<p class=\"key\"><span class=\"chip supports\">supports</span> <span class=\"chip opposes\">opposes</span> "
            + "<span class=\"chip conditional\">conditional</span> <span class=\"chip neutral\">neutral</span> <span class=\"none\">— no stance recorded</span> "
            + "<span class=\"shift\">↻ shifted</span></p>");
        if (report.Positions.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No issues recorded.</p>");
            html.AppendLine("</section>");
            return;
        }

        html.AppendLine("<table class=\"matrix\">");
        html.AppendLine("<thead>");
        html.Append("<tr class=\"groups\"><th rowspan=\"2\" scope=\"col\" class=\"issue\">Issue</th>");
        html.Append($"<th colspan=\"{Math.Max(1, parties.Count)}\" scope=\"colgroup\">Negotiating parties</th>");
        if (commentators.Count > 0)
        {
            html.Append($"<th colspan=\"{commentators.Count}\" scope=\"colgroup\" class=\"commentary first\">Commentary</th>");
        }

        html.AppendLine("</tr>");
        html.Append("<tr>");
        foreach (var party in parties)
        {
            html.Append($"<th scope=\"col\">{Encode(party.Name)}<small>{Encode(party.Role.Word())}</small></th>");
        }

        if (parties.Count == 0)
        {
            html.Append("<th scope=\"col\">—</th>");
        }

        for (var i = 0; i < commentators.Count; i++)
        {
            html.Append($"<th scope=\"col\" class=\"commentary{(i == 0 ? " first" : "")}\">{Encode(commentators[i].Name)}<small>{Encode(commentators[i].Kind?.Word() ?? "commentator")}</small></th>");
        }

        html.AppendLine("</tr>");
        html.AppendLine("</thead>");
        html.AppendLine("<tbody>");
        foreach (var issue in report.Positions)
        {
            html.Append($"<tr id=\"{Id("issue", issue.IssueId)}\"><th scope=\"row\" class=\"issue\">{Encode(issue.Title)}</th>");
            foreach (var party in parties)
            {
                html.Append(PositionCell(index, issue.Parties.FirstOrDefault(p => p.PartyId == party.Id), ""));
            }

            if (parties.Count == 0)
            {
                html.Append("<td class=\"none\">—</td>");
            }

            for (var i = 0; i < commentators.Count; i++)
            {
                html.Append(PositionCell(index, issue.Parties.FirstOrDefault(p => p.PartyId == commentators[i].Id), i == 0 ? "commentary first" : "commentary"));
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</section>");
    }

    private static string PositionCell(ReportIndex index, PartyPosition? position, string classes)
    {
        if (position is null)
        {
            return $"<td class=\"none {classes}\">—</td>";
        }

        var stance = position.Stance.Word();
        var statement = index.Statement(position.LatestStatementId);
        var tooltip = statement is null ? position.LatestStatementId : $"{statement.Said} · {statement.Text}";
        var shift = position.ShiftedFrom is { } from
            ? $"<span class=\"shift\">↻ was {Encode(from.Word())}{(position.Shifts > 1 ? $" · {Wording.Shifts(position.Shifts)}" : "")}</span>"
            : "";
        var contested = position.Contested ? "<span class=\"badge denied\" title=\"the statement it rests on was denied by its speaker\">contested</span>" : "";
        return $"<td class=\"stance {stance} {classes}{(position.Contested ? " contested" : "")}\" title=\"{Encode(tooltip)}\"><span class=\"chip {stance}\">{stance}</span>{contested}<span class=\"date\">{Encode(position.LatestEvidence.ToString())}</span>{shift}</td>";
    }

    private static void Proposals(StringBuilder html, ReportIndex index)
    {
        var report = index.Report;
        OpenSection(html, "proposals", "Proposals", nothing: report.Proposals.Count == 0 ? "No proposal has been tabled." : null);
        if (report.Proposals.Count == 0)
        {
            html.AppendLine("</section>");
            return;
        }

        html.AppendLine($"<h3 class=\"sub\">Open ({report.OpenProposals.Count})</h3>");
        if (report.OpenProposals.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">None open.</p>");
        }

        html.AppendLine("<div class=\"cards\">");
        foreach (var proposal in report.OpenProposals)
        {
            ProposalCard(html, index, proposal);
        }

        html.AppendLine("</div>");

        html.AppendLine("<h3 class=\"sub\">All proposals and their lineage</h3>");
        var chains = index.CounterChains();
        foreach (var chain in chains)
        {
            html.AppendLine($"<p class=\"lineage\">{string.Join(" <span class=\"arrow\">→</span> ", chain.Select(p => $"<a href=\"#{Id("proposal", p.ProposalId)}\">{Encode(p.Title)}</a> <span class=\"muted\">({Encode(index.PartyName(p.TabledBy))}, {Encode(p.Status)})</span>"))}</p>");
        }

        html.AppendLine("<table class=\"proposals\">");
        html.AppendLine("<thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Tabled by</th><th scope=\"col\">Tabled</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">Counters</th><th scope=\"col\">Answers</th><th scope=\"col\">Agreement</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var proposal in report.Proposals)
        {
            var answers = proposal.Answers.Count == 0
                ? "<span class=\"muted\">none</span>"
                : string.Join("<br>", proposal.Answers.Select(a => $"{Encode(index.PartyName(a.Party))} <span class=\"chip {AnswerClass(a.Answer)}\">{a.Answer.Word()}</span>"));
            html.AppendLine($"<tr id=\"{Id("proposal", proposal.ProposalId)}\"><th scope=\"row\">{Encode(proposal.Title)}<small>{Encode(proposal.ProposalId)}</small></th>"
                + $"<td>{Encode(index.PartyName(proposal.TabledBy))}</td><td class=\"date\">{Encode(Wording.Date(proposal.Tabled))}</td>"
                + $"<td><span class=\"badge {Encode(proposal.Status)}\">{Encode(proposal.Status)}</span></td>"
                + $"<td>{ProposalLink(proposal.Counters)}</td><td>{answers}</td><td>{AgreementLink(index, proposal.AgreementId)}</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</section>");
    }

    private static void ProposalCard(StringBuilder html, ReportIndex index, ProposalLineage proposal)
    {
        html.AppendLine($"<article class=\"card proposal\" id=\"{Id("open-proposal", proposal.ProposalId)}\">");
        html.AppendLine($"<div class=\"card-head\"><h3>{Encode(proposal.Title)}</h3><span class=\"badge {Encode(proposal.Status)}\">{Encode(proposal.Status)}</span></div>");
        var counters = proposal.Counters is { } earlier ? $" · counters {ProposalLink(earlier)}" : "";
        html.AppendLine($"<p class=\"meta\">Tabled by <strong>{Encode(index.PartyName(proposal.TabledBy))}</strong> · {Encode(Wording.Date(proposal.Tabled))} · <span class=\"muted\">{Encode(proposal.ProposalId)}</span>{counters}</p>");
        Terms(html, index, proposal.Terms.Select(t => (t.Issue, t.Text)));
        html.AppendLine("<h4>Answers</h4>");
        if (proposal.Answers.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No answers yet.</p>");
        }
        else
        {
            html.AppendLine("<ul class=\"answers\">");
            foreach (var answer in proposal.Answers)
            {
                var counter = answer.CounterProposal is { } id ? $" with {ProposalLink(id)}" : "";
                html.AppendLine($"<li><strong>{Encode(index.PartyName(answer.Party))}</strong> <span class=\"chip {AnswerClass(answer.Answer)}\">{answer.Answer.Word()}</span>{counter} <span class=\"date\">{Encode(Wording.Date(answer.Said))}</span></li>");
            }

            html.AppendLine("</ul>");
        }

        html.AppendLine("</article>");
    }

    private static void Terms(StringBuilder html, ReportIndex index, IEnumerable<(string Issue, string Text)> terms)
    {
        var list = terms.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.AppendLine("<h4>Terms</h4>");
        html.AppendLine("<dl class=\"terms\">");
        foreach (var (issue, text) in list)
        {
            html.AppendLine($"<dt><a href=\"#{Id("issue", issue)}\">{Encode(index.IssueTitle(issue))}</a></dt><dd>{Encode(text)}</dd>");
        }

        html.AppendLine("</dl>");
    }

    private static void Agreements(StringBuilder html, ReportIndex index)
    {
        OpenSection(html, "agreements", "Agreements", nothing: index.Report.Agreements.Count == 0 ? "No agreement has been reached." : null);

        html.AppendLine("<div class=\"cards\">");
        foreach (var agreement in index.Report.Agreements)
        {
            html.AppendLine($"<article class=\"card agreement\" id=\"{Id("agreement", agreement.AgreementId)}\">");
            html.AppendLine($"<div class=\"card-head\"><h3>{Encode(agreement.Title)}</h3><span class=\"badge {Encode(agreement.Status)}\">{Encode(agreement.Status)}</span></div>");
            var proposal = agreement.ProposalId is { } id ? $" · from proposal {ProposalLink(id)}" : "";
            html.AppendLine($"<p class=\"meta\">Reached {Encode(Wording.Date(agreement.Reached))} · <span class=\"muted\">{Encode(agreement.AgreementId)}</span>{proposal}</p>");
            Terms(html, index, agreement.Terms.Select(t => (t.Issue, t.Text)));
            html.AppendLine("<h4>Signatures</h4>");
            html.AppendLine("<table class=\"signatures\"><thead><tr><th scope=\"col\">Party</th><th scope=\"col\">Signatory</th><th scope=\"col\">Signed</th></tr></thead><tbody>");
            foreach (var (party, signatory, date, signed) in Wording.Signatures(index, agreement))
            {
                html.AppendLine(signed
                    ? $"<tr><th scope=\"row\">{Encode(party)}</th><td>{Encode(signatory)}</td><td class=\"date\">{Encode(date)}</td></tr>"
                    : $"<tr class=\"unsigned\"><th scope=\"row\">{Encode(party)}</th><td>{Encode(signatory)}</td><td>{Encode(date)}</td></tr>");
            }

            html.AppendLine("</tbody></table>");
            html.AppendLine("</article>");
        }

        html.AppendLine("</div>");
        html.AppendLine("</section>");
    }

    private static void Statements(StringBuilder html, ReportIndex index, StatementSection section)
    {
        html.AppendLine("<section id=\"statements\">");
        html.AppendLine($"<h2>{Encode(section.Heading)} <span class=\"muted\">{Encode(section.Note)}</span></h2>");
        html.Append(section.Controls);
        if (section.Statements.Count == 0 && section.Empty is { } empty)
        {
            html.AppendLine($"<p class=\"empty\">{Encode(empty)}</p>");
        }

        html.AppendLine("<ol class=\"statements\">");
        foreach (var statement in section.Statements)
        {
            var commentary = index.IsCommentator(statement.Party);
            var who = statement.SpeakerApart is { } speaker
                ? $"<strong>{Encode(speaker)}</strong> for {Encode(statement.PartyName)}"
                : $"<strong>{Encode(statement.PartyName)}</strong>";
            var stance = statement.Stance is { } s ? $" <span class=\"chip {s.Word()}\">{s.Word()}</span>" : "";
            var issues = statement.Issues.Count == 0 ? "" : $"<span class=\"issues\">on {string.Join("; ", statement.Issues.Select(i => $"<a href=\"#{Id("issue", i)}\">{Encode(index.IssueTitle(i))}</a>"))}</span>";
            html.AppendLine($"<li class=\"statement{(commentary ? " commentary" : "")}{(statement.Status == StatementRecord.Statuses.Standing ? "" : " not-standing")}\" id=\"{Id("statement", statement.Id)}\">");
            html.AppendLine($"<div class=\"when\">{Encode(statement.Said.ToString())}</div>");
            html.AppendLine("<div class=\"body\">");
            html.AppendLine($"<p class=\"who\">{who}{(commentary ? " <span class=\"tag\">commentary</span>" : "")} <span class=\"kind\">{statement.Kind.Word()}</span>{stance}{Standing(statement)} {issues}</p>");
            html.AppendLine($"<blockquote>{Encode(statement.Text)}</blockquote>");
            var source = statement.Source is null
                ? "no source"
                : $"according to “{Encode(statement.Source.Title)}”{(statement.Source.Outlet is { } outlet ? $", {Encode(outlet)}" : "")}{(statement.Source.Url is { } url ? $" <span class=\"url\">{Encode(url)}</span>" : "")}";
            html.AppendLine($"<p class=\"provenance\">{statement.Attribution.Word()} · {source} · {Encode(statement.Id)} · recorded {Encode(Wording.Instant(statement.RecordedAt))} by {Encode(Recorder.Describe(statement.RecordedBy))}</p>");
            html.AppendLine("</div>");
            html.AppendLine("</li>");
        }

        html.AppendLine("</ol>");
        html.AppendLine("</section>");
    }

    /// <summary>
    /// A statement that no longer stands, or that its speaker denies, says so beside its text: a log that includes retracted
    /// records must not let them read as current. Standing, undenied statements (all the file's latest ones, usually) get nothing.
    /// </summary>
    private static string Standing(StatementView statement) =>
        (statement.Status == StatementRecord.Statuses.Standing ? "" : $" <span class=\"badge {Encode(statement.Status)}\">{Encode(statement.Status)}</span>")
        + (statement.Denied ? " <span class=\"badge denied\">denied</span>" : "");

    private static void Timeline(StringBuilder html, ReportIndex index)
    {
        var report = index.Report;
        var undated = Wording.Undated(report.Timeline.Select(i => i.Entry));
        OpenSection(html, "timeline", "Timeline");
        html.AppendLine("<p class=\"lead\">Who did what when, one lane per party. A date known only to the month or year is drawn as a grey bar over that whole period, "
            + $"with its events side by side at the middle: their order within it is the order they were recorded, not a known day. Point at a mark for its text.{(undated is { } listed ? $" {Encode(listed)} are listed below but not drawn: they have no date." : "")} A hollow mark is a record that does not stand (retracted, void or a duplicate); a dashed ring marks a contested statement.</p>");
        html.AppendLine("<figure class=\"chart\">");
        html.AppendLine(SvgTimeline.Render(report));
        html.AppendLine("</figure>");
        html.AppendLine("<table class=\"timeline\">");
        html.AppendLine("<thead><tr><th scope=\"col\">Said</th><th scope=\"col\">Who</th><th scope=\"col\">What</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var item in report.Timeline)
        {
            html.AppendLine($"<tr class=\"kind-{Encode(item.Entry.Kind)}\"><td class=\"date\">{Encode(Wording.Date(item.Entry.Said))}</td><td>{Encode(Wording.Who(index, item))}</td><td>{Encode(Wording.What(index, item.Entry))}</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</section>");
    }

    private static void Sources(StringBuilder html, ReportIndex index)
    {
        OpenSection(html, "sources", "Sources", nothing: index.Report.Sources.Count == 0 ? "No sources registered." : null);

        html.AppendLine("<ul class=\"sources\">");
        foreach (var citations in index.Report.Sources)
        {
            var source = citations.Source;
            var outlet = source.Outlet is { } o ? $", {Encode(o)}" : "";
            var published = source.Published is { } p ? $", published {Encode(p.ToString())}" : "";

            // The address is printed, not linked: the page makes no request, and a reader who wants the source copies it.
            var url = source.Url is { } u ? $"<br><span class=\"url\">{Encode(u)}</span>" : "";
            html.AppendLine($"<li>“{Encode(source.Title)}”{outlet}{published} · cited by {citations.Describe()}{url}</li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("</section>");
    }

    /// <summary>Opens a section of the brief under its stable id and its heading, with a note where it has <paramref name="nothing"/> to show.</summary>
    private static void OpenSection(StringBuilder html, string id, string heading, string? nothing = null)
    {
        html.AppendLine($"<section id=\"{id}\">");
        html.AppendLine($"<h2>{heading}</h2>");
        if (nothing is not null)
        {
            html.AppendLine($"<p class=\"empty\">{nothing}</p>");
        }
    }

    private static string ProposalLink(string? id) => id is null ? "—" : $"<a href=\"#{Id("proposal", id)}\">{Encode(id)}</a>";

    private static string AgreementLink(ReportIndex index, string? id) =>
        id is null ? "—" : $"<a href=\"#{Id("agreement", id)}\">{Encode(index.Agreement(id)?.Title ?? id)}</a>";

    private static string AnswerClass(Answer answer) => answer switch
    {
        Answer.Accept => "supports",
        Answer.Reject => "opposes",
        _ => "conditional",
    };

    private const string Styles = """
        :root { --ink: #0f172a; --muted: #526070; --rule: #e2e8f0; --panel: #f8fafc;
          --supports: #1a7f37; --supports-bg: #dcfce7; --opposes: #cf222e; --opposes-bg: #fee2e2;
          --conditional: #9a6700; --conditional-bg: #fef3c7; --neutral: #57606a; --neutral-bg: #e5e7eb;
          --accent: #1d4ed8; --agreement: #7c3aed; }
        * { box-sizing: border-box; }
        html { font-size: 15px; }
        body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; }
        .page { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .muted { color: var(--muted); font-weight: 400; }
        .empty { color: var(--muted); font-style: italic; }
        .masthead { border-bottom: 3px solid var(--ink); padding-bottom: 14px; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .72rem; color: var(--muted); margin: 0 0 4px; }
        h1 { font-size: 1.85rem; line-height: 1.2; margin: 0 0 14px; }
        .facts { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; }
        .facts div { border: 1px solid var(--rule); border-radius: 8px; padding: 5px 14px 6px; min-width: 96px; }
        .facts dt { font-size: .68rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .facts dd { margin: 0; font-size: 1.3rem; font-weight: 700; }
        .facts dd small { font-size: .78rem; font-weight: 400; color: var(--muted); }
        .status { text-transform: capitalize; }
        .status-active { color: var(--supports); } .status-stalled { color: var(--conditional); }
        .status-collapsed { color: var(--opposes); } .status-concluded { color: var(--agreement); }
        .standing { margin: 0; padding-left: 18px; font-size: .92rem; }
        .standing li { margin: 2px 0; }
        .banner { margin: 8px 0; padding: 6px 10px; border-left: 4px solid var(--accent); background: #f1f5f9; font-weight: 600; }
        nav.contents { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: .85rem; padding: 8px 0; border-bottom: 1px solid var(--rule); }
        section { margin-top: 26px; }
        h2 { font-size: 1.25rem; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.02rem; margin: 0; }
        h3.sub { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 14px 0 8px; }
        h4 { font-size: .72rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 12px 0 4px; }
        .lead { color: var(--muted); font-size: .88rem; margin: 0 0 8px; max-width: 80ch; }
        table { border-collapse: collapse; width: 100%; font-size: .86rem; }
        caption { text-align: left; font-weight: 700; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); padding: 0 0 4px; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--rule); }
        thead th { font-size: .72rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 2px solid var(--ink); vertical-align: bottom; }
        tbody th { font-weight: 600; }
        th small, td small { display: block; font-weight: 400; color: var(--muted); font-size: .75rem; text-transform: none; letter-spacing: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 18px 28px; }
        .role { font-size: .78rem; padding: 0 6px; border-radius: 4px; background: var(--panel); border: 1px solid var(--rule); }
        .role-principal { border-color: var(--ink); font-weight: 700; }
        .chip { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: .76rem; font-weight: 700; border: 1px solid currentColor; white-space: nowrap; line-height: 1.5; }
        .chip.supports { color: var(--supports); background: var(--supports-bg); }
        .chip.opposes { color: var(--opposes); background: var(--opposes-bg); }
        .chip.conditional { color: var(--conditional); background: var(--conditional-bg); }
        .chip.neutral { color: var(--neutral); background: var(--neutral-bg); }
        .key { font-size: .8rem; color: var(--muted); margin: 0 0 8px; }
        .key .none { margin-left: 6px; }
        .shift { font-size: .75rem; font-weight: 700; color: var(--accent); white-space: nowrap; }
        .matrix { table-layout: fixed; }
        .matrix th.issue { width: 26%; }
        .matrix thead tr.groups th { text-align: center; border-bottom: 1px solid var(--rule); color: var(--ink); }
        .matrix thead th { font-size: .72rem; text-transform: none; letter-spacing: 0; color: var(--ink); }
        .matrix tbody th { font-size: .84rem; }
        .matrix td { text-align: center; vertical-align: middle; border-left: 1px solid var(--rule); }
        .matrix td .date, .matrix td .shift { display: block; font-size: .72rem; color: var(--muted); }
        .matrix td .shift { color: var(--accent); }
        /* Many parties make narrow columns: let a chip and its notes shrink and wrap inside the cell instead of spilling over. */
        .matrix td { padding-left: 2px; padding-right: 2px; overflow-wrap: anywhere; }
        .matrix td .chip { max-width: 100%; box-sizing: border-box; overflow: hidden; text-overflow: ellipsis; padding: 0 4px; font-size: .7rem; }
        .matrix td .shift { white-space: normal; }
        .matrix td.supports { background: #f0fdf4; } .matrix td.opposes { background: #fef2f2; }
        .matrix td.conditional { background: #fffbeb; } .matrix td.neutral { background: #f3f4f6; }
        .matrix td.none { color: #cbd5e1; }
        .matrix .commentary.first { border-left: 3px double #94a3b8; }
        .matrix thead .commentary { color: var(--muted); font-style: italic; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 14px; }
        .card { border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 8px; padding: 12px 16px; }
        .card.agreement { border-left-color: var(--agreement); }
        .card-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
        .meta { font-size: .84rem; color: var(--muted); margin: 4px 0 0; }
        .meta strong { color: var(--ink); }
        .badge { font-size: .7rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; padding: 1px 8px; border-radius: 4px; border: 1px solid currentColor; white-space: nowrap; color: var(--muted); }
        .badge.open { color: var(--accent); } .badge.accepted, .badge.signed { color: var(--supports); }
        .badge.rejected, .badge.withdrawn { color: var(--opposes); } .badge.partly-signed, .badge.reached { color: var(--agreement); }
        .badge.retracted, .badge.void, .badge.duplicate, .badge.denied { color: var(--opposes); margin-left: 4px; }
        ol.statements .not-standing blockquote { color: var(--muted); text-decoration: line-through; }
        .terms { margin: 0; font-size: .88rem; }
        .terms dt { font-weight: 600; font-size: .8rem; }
        .terms dd { margin: 0 0 6px; }
        .answers { margin: 0; padding-left: 18px; font-size: .88rem; }
        .answers .date { color: var(--muted); font-size: .8rem; }
        table.proposals th small { font-size: .72rem; }
        .lineage { font-size: .88rem; margin: 0 0 6px; }
        .lineage .arrow { color: var(--muted); margin: 0 4px; }
        ol.statements { list-style: none; margin: 0; padding: 0; }
        ol.statements > li { display: grid; grid-template-columns: 80px 1fr; gap: 12px; padding: 10px 0; border-bottom: 1px solid var(--rule); }
        ol.statements .when { font-weight: 700; font-variant-numeric: tabular-nums; color: var(--muted); padding-top: 1px; }
        ol.statements .who { margin: 0; font-size: .9rem; }
        ol.statements .kind { font-size: .76rem; color: var(--muted); border: 1px solid var(--rule); border-radius: 4px; padding: 0 6px; margin-left: 4px; }
        ol.statements .tag { font-size: .72rem; color: var(--muted); font-style: italic; }
        ol.statements .issues { display: block; font-size: .8rem; color: var(--muted); }
        ol.statements blockquote { margin: 6px 0; padding: 2px 0 2px 12px; border-left: 3px solid var(--rule); font-size: .95rem; }
        ol.statements .commentary blockquote { border-left-style: dashed; color: #334155; }
        .provenance { margin: 0; font-size: .74rem; color: var(--muted); }
        .url { word-break: break-all; }
        figure.chart { margin: 8px 0 14px; padding: 8px; border: 1px solid var(--rule); border-radius: 8px; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        table.timeline { font-size: .8rem; }
        table.timeline td:nth-child(2) { width: 22%; }
        table.timeline tr.kind-issue-added td, table.timeline tr.kind-source-registered td, table.timeline tr.kind-joined td { color: var(--muted); }
        ul.sources { font-size: .88rem; padding-left: 18px; }
        footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: .75rem; color: var(--muted); }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          html { font-size: 10.5pt; }
          .page { max-width: none; padding: 0; }
          nav.contents { display: none; }
          a { color: inherit; }
          .chip, .matrix td, .role, .facts div { background: none !important; }
          .matrix td.supports { border-bottom: 2px solid var(--supports); } .matrix td.opposes { border-bottom: 2px solid var(--opposes); }
          .matrix td.conditional { border-bottom: 2px solid var(--conditional); } .matrix td.neutral { border-bottom: 2px solid var(--neutral); }
          section { break-inside: auto; }
          h2, h3, h4, .lead, .key { break-after: avoid; page-break-after: avoid; }
          .lead { break-inside: avoid; }
          #positions { break-before: page; page-break-before: always; }
          table.parties, table.signatures, figure, .card, ol.statements > li, tr { break-inside: avoid; page-break-inside: avoid; }
          .matrix th.issue { width: 21%; }
          .matrix th, .matrix td { padding: 4px 3px; }
          .matrix .chip { font-size: 7.5pt; padding: 0 4px; }
          .matrix thead th { font-size: 7.5pt; hyphens: auto; overflow-wrap: anywhere; }
          .cards { display: block; }
          .card { margin-bottom: 10px; }
        }
        """;
}

/// <summary>
/// What the brief's statement section lists: a heading and a note beside it, the statements in the order given, the
/// sentence shown when there are none (or nothing), and <see cref="Controls"/>, markup of the host's own placed above the
/// list (the server's filter form), whose ledger text the host has already encoded.
/// </summary>
public sealed record StatementSection(string Heading, string Note, IReadOnlyList<StatementView> Statements, string? Empty)
{
    public string Controls { get; init; } = "";
}
