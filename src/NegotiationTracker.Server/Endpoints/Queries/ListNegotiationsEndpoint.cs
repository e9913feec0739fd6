using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class ListNegotiationsEndpoint
{
    /// <summary>Every negotiation in the ledger, by id, with its status and counts, a page at a time (see <see cref="Paging"/>).</summary>
    [WolverineGet("/api/negotiations")]
    [Tags("Negotiations"), EndpointSummary("The negotiations in the ledger")]
    [EndpointDescription("An array of {id, title, status, opened, parties, issues, statements, proposals, openProposals, agreements}, by id; "
        + "offset (default 0) and limit (default 100, at most 1000) page it, X-Total-Count says how many there are, and a Link header with "
        + "rel=\"next\" gives the next page while there is one.")]
    [ProducesResponseType<IReadOnlyList<NegotiationListing>>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, Paging.TotalCountHeader, "How many match in all, on every page.", Always = true, Integer = true)]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "<address of the next page>; rel=\"next\", while there is one.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(int? offset, int? limit, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var page = Paging.Read(query, offset, limit);
        return query.Problem ?? Paging.Ok(context, await NegotiationListing.ListAsync(session, page.Offset, page.Limit, cancellationToken), page.Offset);
    }
}
