using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Reports;
using NegotiationTracker.Server.Endpoints.Queries;
using Wolverine.Http;
using static NegotiationTracker.Reports.Html;

namespace NegotiationTracker.Server.Web;

public static class BriefPage
{
    public static string Path(string negotiationId) => $"/negotiations/{Uri.EscapeDataString(negotiationId)}";

    /// <summary>
    /// The brief of one negotiation, as <c>negotiation report --format html</c> draws it, with the whole statement log in
    /// place of the latest statements, narrowed by the filters in the query string (a GET form on the page sets them).
    /// </summary>
    /// <remarks>
    /// The timeline, the positions' shifts, the proposals' lineage and the agreements come from async views, which may
    /// trail a write by a moment; the parties, the positions and the statement log are current.
    /// </remarks>
    [WolverineGet("/negotiations/{id}")]
    [Tags("Web view"), EndpointSummary("The brief of a negotiation with its filterable statement log, as a web page")]
    [EndpointDescription("The brief as `negotiation report --format html` draws it, with the whole statement log narrowed by the filters in the "
        + "query string (party, speaker, issue, from, to, includeRetracted). The timeline, shifts, proposal lineage and agreements come from "
        + "async views and may trail a write by a moment. 404 page when the negotiation is unknown, 400 page for a filter date that is not one.")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/html")]
    [ProducesResponseType(typeof(string), StatusCodes.Status400BadRequest, "text/html")]
    [ProducesResponseType(typeof(string), StatusCodes.Status404NotFound, "text/html")]
    public static async Task<IResult> Get(string id, string? party, string? speaker, string? issue, string? from, string? to, string? includeRetracted,
        IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The same parsing as the API's statement log, so both say the same about a date that is not one.
        var query = new QueryValues();
        var (fromDate, toDate) = (query.Date(nameof(from), from), query.Date(nameof(to), to));
        // A string, not a bool?: Wolverine would refuse "maybe" with problem JSON, and this page answers in HTML.
        var retracted = query.Flag(nameof(includeRetracted), includeRetracted);
        if (query.Errors.Count > 0)
        {
            return Pages.InvalidFilter(id, query.Errors);
        }

        var report = await NegotiationReport.LoadAsync(session, id, clock.GetUtcNow(), cancellationToken);
        if (report is null)
        {
            return Pages.NegotiationNotFound(id);
        }

        var filter = new StatementFilter(id, QueryValues.Filter(party), QueryValues.Filter(speaker), QueryValues.Filter(issue),
            fromDate, toDate, retracted ?? false);
        // The report found the negotiation; the log of it is there too.
        var log = await StatementLog.QueryAsync(session, filter, cancellationToken) ?? [];
        var profiles = await session.LoadManyAsync<PartyProfile>(cancellationToken, report.State.Parties.Select(p => p.Id).ToArray());
        var form = new FilterForm(report, profiles, filter, from, to);
        var section = new StatementSection("Statement log", $"({log.Count} shown, in the order said)", log,
            form.Narrows ? "No statement matches these filters." : "No statements.")
        {
            Controls = form.Render(log.Count),
        };
        return Pages.Ok(HtmlReport.Page($"{report.State.Title} — negotiation brief", Pages.Navigation + HtmlReport.Brief(report, section), Pages.Styles));
    }

    /// <summary>
    /// The GET form over the statement log, showing the filters in force, and a sentence saying what they select, which
    /// stays on paper when the form does not.
    /// </summary>
    private sealed class FilterForm(NegotiationReport report, IReadOnlyList<PartyProfile> profiles, StatementFilter filter, string? from, string? to)
    {
        public bool Narrows => filter.Party is not null || filter.Speaker is not null || filter.Issue is not null || filter.From is not null || filter.To is not null;

        public string Render(int shown)
        {
            var parties = report.State.Parties.Select(p => (p.Id, p.Name)).ToList();

            // People are grouped under their party: two people of one name stay apart, and a reader finds a speaker by side.
            var byId = profiles.ToDictionary(p => p.Id);
            var people = parties.Where(p => byId.ContainsKey(p.Id) && byId[p.Id].People.Count > 0)
                .Select(p => (Group: p.Name, People: byId[p.Id].People.Select(person => (person.Id, person.Name)).ToList()))
                .ToList();
            var issues = report.State.Issues.Select(i => (i.Id, i.Title)).ToList();

            var html = new StringBuilder();
            html.AppendLine($"<form class=\"filters\" method=\"get\" action=\"{Encode(Path(report.State.Id))}#statements\" role=\"search\" aria-label=\"Filter the statement log\">");
            Field(html, "party", "Party", Select("party", "Any party", [("", parties)], filter.Party));
            Field(html, "speaker", "Speaker", Select("speaker", "Anyone", people, filter.Speaker));
            Field(html, "issue", "Issue", Select("issue", "Any issue", [("", issues)], filter.Issue));
            Field(html, "from", "Said from", Date("from", from));
            Field(html, "to", "Said until", Date("to", to));
            html.AppendLine("<div class=\"field check\">"
                + $"<input type=\"checkbox\" id=\"filter-includeRetracted\" name=\"includeRetracted\" value=\"true\"{(filter.IncludeRetracted ? " checked" : "")}>"
                + "<label for=\"filter-includeRetracted\">Include retracted, void and duplicate records</label></div>");
            html.AppendLine($"<div class=\"field\"><button type=\"submit\">Filter</button></div><div class=\"field\"><a href=\"{Encode(Path(report.State.Id))}#statements\">Clear filters</a></div>");
            html.AppendLine("</form>");
            html.AppendLine($"<p class=\"applied\">{Applied(shown)}</p>");
            return html.ToString();
        }

        private static void Field(StringBuilder html, string name, string label, string control) =>
            html.AppendLine($"<div class=\"field\"><label for=\"filter-{name}\">{label}</label>{control}</div>");

        /// <summary>Partial dates (2024, 2024-09, 2024-09-27) are typed as text: a date picker knows only whole days.</summary>
        private static string Date(string name, string? value) =>
            $"<input type=\"text\" id=\"filter-{name}\" name=\"{name}\" value=\"{Encode(value?.Trim())}\" placeholder=\"2024-09\" size=\"10\" spellcheck=\"false\">";

        /// <summary>
        /// A choice of ids shown by name; a value the choices do not hold (a link written by hand) is kept as an option of
        /// its own, so the form shows the filter that is in force.
        /// </summary>
        private static string Select(string name, string any, IReadOnlyList<(string Group, List<(string Id, string Name)> Options)> groups, string? selected)
        {
            var html = new StringBuilder($"<select id=\"filter-{name}\" name=\"{name}\"><option value=\"\">{Encode(any)}</option>");
            foreach (var (group, options) in groups)
            {
                html.Append(group.Length > 0 ? $"<optgroup label=\"{Encode(group)}\">" : "");
                foreach (var (id, label) in options)
                {
                    html.Append($"<option value=\"{Encode(id)}\"{(id == selected ? " selected" : "")}>{Encode(label)}</option>");
                }

                html.Append(group.Length > 0 ? "</optgroup>" : "");
            }

            if (selected is not null && !groups.Any(g => g.Options.Any(o => o.Id == selected)))
            {
                html.Append($"<option value=\"{Encode(selected)}\" selected>{Encode(selected)}</option>");
            }

            return html.Append("</select>").ToString();
        }

        private string Applied(int shown)
        {
            var records = (filter.IncludeRetracted, shown == 1) switch
            {
                (true, true) => "record",
                (true, false) => "records",
                (false, true) => "standing statement",
                (false, false) => "standing statements",
            };
            var retracted = filter.IncludeRetracted ? ", retracted, void and duplicate ones included" : "";
            var parts = new List<string>();
            if (filter.Party is { } party)
            {
                parts.Add($"by <strong>{Encode(report.PartyName(party))}</strong>");
            }

            if (filter.Speaker is { } speaker)
            {
                var name = profiles.SelectMany(p => p.People).FirstOrDefault(p => p.Id == speaker)?.Name ?? speaker;
                parts.Add($"spoken by <strong>{Encode(name)}</strong>");
            }

            if (filter.Issue is { } issue)
            {
                parts.Add($"on <strong>{Encode(report.State.Issues.FirstOrDefault(i => i.Id == issue)?.Title ?? issue)}</strong>");
            }

            if (filter.From is { } start)
            {
                parts.Add($"said on or after <strong>{Encode(start.ToString())}</strong>");
            }

            if (filter.To is { } end)
            {
                parts.Add($"said on or before <strong>{Encode(end.ToString())}</strong>");
            }

            // Dates match by overlap (a statement said "2024-09" may have been said on the 15th): say so where it matters.
            var overlap = filter.From is not null || filter.To is not null ? " A statement dated only to a month or year is shown when that period overlaps the dates." : "";
            return parts.Count == 0
                ? $"Showing all {shown} {records}{retracted}, in the order said.{overlap}"
                : $"Showing {shown} {records} {string.Join(", ", parts)}{retracted}, in the order said.{overlap}";
        }
    }
}
