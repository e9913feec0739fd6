using System.Text;
using NegotiationTracker.Reports;
using static NegotiationTracker.Reports.Html;

namespace NegotiationTracker.Server.Web;

/// <summary>
/// What every page of the web view shares: the brief's look (<see cref="HtmlReport.Page"/>) with the few rules the pages
/// add, the way back to the list, and the pages that say a negotiation is unknown or a filter is wrong.
/// </summary>
internal static class Pages
{
    public const string ContentType = "text/html; charset=utf-8";

    public const string Navigation = "<nav class=\"site\"><a href=\"/\">← All negotiations</a> · <a href=\"/sign-out\">Sign out</a></nav>\n";

    public static IResult Ok(string html) => new Page(html, StatusCodes.Status200OK);

    public static IResult NegotiationNotFound(string id) => new Page(HtmlReport.Page("Negotiation not found",
        $"{Navigation}<header class=\"masthead\"><p class=\"kicker\">Not found</p><h1>Negotiation not found</h1></header>\n"
        + $"<p>Negotiation <code>{Encode(id)}</code> is not in the ledger.</p>\n", Styles), StatusCodes.Status404NotFound);

    /// <param name="errors">The query field each message is about, as the form names it.</param>
    public static IResult InvalidFilter(string negotiationId, IReadOnlyDictionary<string, string[]> errors)
    {
        var content = new StringBuilder(Navigation);
        content.AppendLine("<header class=\"masthead\"><p class=\"kicker\">Bad request</p><h1>The statement filter is not valid</h1></header>");
        content.AppendLine("<ul class=\"errors\">");
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                content.AppendLine($"<li><strong>{Encode(field)}</strong>: {Encode(message)}</li>");
            }
        }

        content.AppendLine("</ul>");
        content.AppendLine($"<p><a href=\"{Encode(BriefPage.Path(negotiationId))}#statements\">Back to the brief, unfiltered</a></p>");
        return new Page(HtmlReport.Page("Invalid statement filter", content.ToString(), Styles), StatusCodes.Status400BadRequest);
    }

    /// <summary>Rules for what only the server's pages have: the way back, the filter form, the list of negotiations.</summary>
    public const string Styles = """

        nav.site { font-size: .85rem; margin: 0 0 10px; }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: flex-end; margin: 0 0 10px; padding: 10px 12px;
          border: 1px solid var(--rule); border-radius: 8px; background: var(--panel); font-size: .85rem; }
        form.filters .field { display: flex; flex-direction: column; gap: 2px; }
        form.filters .field label { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        form.filters .field.check { flex-direction: row; align-items: center; gap: 6px; }
        form.filters .field.check label { font-size: .85rem; font-weight: 400; text-transform: none; letter-spacing: 0; color: var(--ink); }
        form.filters select, form.filters input[type=text] { font: inherit; height: 2em; padding: 0 6px; max-width: 22em; box-sizing: border-box; }
        form.filters input[type=text] { width: 9em; }
        form.filters button { font: inherit; font-weight: 700; padding: 4px 16px; }
        .applied { font-size: .88rem; margin: 0 0 8px; }
        .errors { font-size: .95rem; }
        table.negotiations td, table.negotiations th { vertical-align: middle; }
        table.negotiations tbody th a { font-size: .95rem; }
        @media print {
          nav.site, form.filters { display: none; }
        }
        """;

    /// <summary>A page of the view: the HTML, its status, and the policy that keeps it from loading or running anything.</summary>
    private sealed class Page(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            // Set here as well as by the middleware's default: a page's policy should not depend on the pipeline it runs in.
            httpContext.Response.Headers.ContentSecurityPolicy = SecurityHeaders.HtmlPolicy;
            return Results.Content(html, ContentType, statusCode: statusCode).ExecuteAsync(httpContext);
        }
    }
}
