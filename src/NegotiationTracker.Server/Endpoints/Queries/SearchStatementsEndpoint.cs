using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Statements;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class SearchStatementsEndpoint
{
    /// <summary>
    /// Full-text search of the statements, the same array as <c>negotiation search Q --format json</c>, a page at a time
    /// (see <see cref="Paging"/>).
    /// </summary>
    [WolverineGet("/api/search")]
    [Tags("Statements"), EndpointSummary("Full-text search of statements, their clarifications and other outlets' reports")]
    [EndpointDescription("q is websearch syntax: words (all required, English stems: withdrawal finds withdraw), \"a phrase\" in quotes, or, "
        + "-word to exclude, and word* for every word it starts. The body is the CLI's JSON array (search --format json): each hit's statement, "
        + "its rank (ts_rank) and a highlight with the matched words marked «so», best first, one page of it: offset (default 0) and limit "
        + "(default 100, at most 1000). The X-Total-Count header says how many statements match in all, and a Link header with rel=\"next\" "
        + "gives the next page while there is one. Filters: negotiation (else every negotiation), party, speaker, issue, from and to (partial "
        + "dates, matched by overlap), includeRetracted. 400 names each bad value, an empty q included; 404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<SearchHit>>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, Paging.TotalCountHeader, "How many match in all, on every page.", Always = true, Integer = true)]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "<address of the next page>; rel=\"next\", while there is one.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string? q, string? negotiation, string? party, string? speaker, string? issue, string? from, string? to,
        bool? includeRetracted, int? offset, int? limit, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var search = SearchQuery.Parse(q);
        if (search is null)
        {
            query.Reject(nameof(q), string.IsNullOrWhiteSpace(q) ? "say what to search for" : $"'{q}' has no word to search for");
        }

        var (fromDate, toDate) = (query.Date(nameof(from), from), query.Date(nameof(to), to));
        var page = Paging.Read(query, offset, limit);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        var filter = new SearchFilter(QueryValues.Filter(negotiation), QueryValues.Filter(party), QueryValues.Filter(speaker), QueryValues.Filter(issue),
            fromDate, toDate, includeRetracted ?? false);
        return await StatementSearch.QueryPageAsync(session, search!, filter, page.Offset, page.Limit, cancellationToken) is { } hits
            ? Paging.Ok(context, hits, page.Offset)
            : Problems.NegotiationNotFound(filter.NegotiationId!);
    }
}
