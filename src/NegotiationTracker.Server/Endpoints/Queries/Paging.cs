using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using NegotiationTracker.Projections;

namespace NegotiationTracker.Server.Endpoints.Queries;

/// <summary>
/// Long lists come a page at a time: <c>?offset=</c> (default 0) and <c>?limit=</c> (default 100, at most 1000). The body
/// stays the CLI's JSON array; the headers say how many match in all (<c>X-Total-Count</c>) and where the next page is
/// (<c>Link: &lt;…&gt;; rel="next"</c>).
/// </summary>
internal static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string TotalCountHeader = "X-Total-Count";

    public static (int Offset, int Limit) Read(QueryValues query, int? offset, int? limit) =>
        (query.Number("offset", offset, 0, 0, int.MaxValue), query.Number("limit", limit, DefaultLimit, 1, MaxLimit));

    public static IResult Ok<T>(HttpContext context, Page<T> page, int offset)
    {
        context.Response.Headers[TotalCountHeader] = page.Total.ToString(CultureInfo.InvariantCulture);
        var next = offset + page.Items.Count;
        if (page.Items.Count > 0 && next < page.Total)
        {
            var query = new QueryBuilder(context.Request.Query.Where(q => !q.Key.Equals("offset", StringComparison.OrdinalIgnoreCase))) { { "offset", next.ToString(CultureInfo.InvariantCulture) } };
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{query.ToQueryString()}>; rel=\"next\"";
        }

        return Results.Ok(page.Items);
    }
}
