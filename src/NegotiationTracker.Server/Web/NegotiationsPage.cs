using System.Globalization;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Reports;
using Wolverine.Http;
using static NegotiationTracker.Reports.Html;

namespace NegotiationTracker.Server.Web;

public static class NegotiationsPage
{
    /// <summary>The negotiations in the ledger, each with its status, its parties and statements counted, and a link to its brief.</summary>
    [WolverineGet("/")]
    [Tags("Web view"), EndpointSummary("The negotiations in the ledger, as a web page")]
    [EndpointDescription("Server-rendered HTML, no script: each negotiation with its status, its parties and statements counted, and a link "
        + "to its brief. Needs a reader key or a sign-in session; a browser without one is sent to /sign-in.")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/html")]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken cancellationToken)
    {
        // The summaries are inline views, current with every write; a ledger holds tens of negotiations, not thousands.
        var negotiations = await session.Query<NegotiationSummary>().OrderBy(n => n.Title).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var statements = await CurrentPositions.StatementCountsAsync(session, negotiations.Select(n => n.Id).ToList(), cancellationToken);
        return Pages.Ok(HtmlReport.Page("Negotiations — negotiation ledger", Content(negotiations, statements), Pages.Styles));
    }

    private static string Content(IReadOnlyList<NegotiationSummary> negotiations, IReadOnlyDictionary<string, int> statements)
    {
        var html = new StringBuilder();
        html.AppendLine("<header class=\"masthead\">");
        html.AppendLine("<p class=\"kicker\">Negotiation ledger</p>");
        html.AppendLine("<h1>Negotiations</h1>");
        html.AppendLine($"<p class=\"lead\">{Count(negotiations.Count, "negotiation")} in the ledger. Open one for its brief: parties, positions, proposals, agreements, the timeline and the statement log.</p>");
        html.AppendLine("</header>");
        html.AppendLine("<main>");
        if (negotiations.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No negotiation has been recorded yet: import a seed file with <code>POST /api/imports</code>.</p>");
            html.AppendLine("</main>");
            return html.ToString();
        }

        html.AppendLine("<table class=\"negotiations\">");
        html.AppendLine("<thead><tr><th scope=\"col\">Negotiation</th><th scope=\"col\">Status</th><th scope=\"col\">Opened</th>"
            + "<th scope=\"col\" class=\"num\">Parties</th><th scope=\"col\" class=\"num\">Statements</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var negotiation in negotiations)
        {
            // Commentators are counted apart, as in the brief: they comment on the talks but do not negotiate.
            var commentators = negotiation.Parties.Count(p => p.Role == PartyRole.Commentator);
            var parties = negotiation.Parties.Count - commentators;
            var status = negotiation.Status.Word();
            html.AppendLine($"<tr id=\"{Id("negotiation", negotiation.Id)}\">"
                + $"<th scope=\"row\"><a href=\"{Encode(BriefPage.Path(negotiation.Id))}\">{Encode(negotiation.Title)}</a><small>{Encode(negotiation.Id)}</small></th>"
                + $"<td><span class=\"status status-{Encode(status)}\">{Encode(status)}</span></td>"
                + $"<td class=\"date\">{Encode(negotiation.Opened.ToString())}</td>"
                + $"<td class=\"num\">{N(parties)}{(commentators > 0 ? $"<small>+ {Count(commentators, "commentator")}</small>" : "")}</td>"
                + $"<td class=\"num\">{N(statements.GetValueOrDefault(negotiation.Id))}</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</main>");
        return html.ToString();
    }

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Count(int number, string noun) => $"{N(number)} {noun}{(number == 1 ? "" : "s")}";
}
