using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Statements;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetStatementsEndpoint
{
    /// <summary>
    /// The statement log with the CLI's filters, the same array as <c>negotiation statements ID --format json</c>, a page
    /// at a time (see <see cref="Paging"/>).
    /// </summary>
    [WolverineGet("/api/negotiations/{id}/statements")]
    [Tags("Statements"), EndpointSummary("The statement log of a negotiation, filtered and paged")]
    [EndpointDescription("The body is the CLI's JSON array (statements --format json), in said order, one page of it: offset (default 0) and "
        + "limit (default 100, at most 1000). The X-Total-Count header says how many statements match in all, and a Link header with "
        + "rel=\"next\" gives the next page while there is one. Filters: party, speaker, issue, from and to (partial dates, matched by overlap), "
        + "includeRetracted (retracted, void and duplicate records, marked). 400 names each bad value; 404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<StatementView>>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, Paging.TotalCountHeader, "How many match in all, on every page.", Always = true, Integer = true)]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "<address of the next page>; rel=\"next\", while there is one.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, string? party, string? speaker, string? issue, string? from, string? to, bool? includeRetracted,
        int? offset, int? limit, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var (fromDate, toDate) = (query.Date(nameof(from), from), query.Date(nameof(to), to));
        var page = Paging.Read(query, offset, limit);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        var filter = new StatementFilter(id, QueryValues.Filter(party), QueryValues.Filter(speaker), QueryValues.Filter(issue), fromDate, toDate, includeRetracted ?? false);
        return await StatementLog.QueryPageAsync(session, filter, page.Offset, page.Limit, cancellationToken) is { } statements
            ? Paging.Ok(context, statements, page.Offset)
            : Problems.NegotiationNotFound(id);
    }
}
