using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Statements;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetAuditEndpoint
{
    /// <summary>
    /// Who said what when, and who recorded it when, as <c>negotiation audit ID --format json</c>: every statement, retracted
    /// and void ones included and marked, a page at a time (see <see cref="Paging"/>).
    /// </summary>
    [WolverineGet("/api/negotiations/{id}/audit")]
    [Tags("Audit"), EndpointSummary("The audit of a negotiation's statements, filtered and paged")]
    [EndpointDescription("The CLI's audit --format json array (the statement log with retracted, void and duplicate records, each with its "
        + "corrections, reports and grades), one page of it: offset (default 0) and limit (default 100, at most 1000), with X-Total-Count and "
        + "a Link rel=\"next\" header. Filters: party, speaker, recordedBy (key:NAME for a key holder, os:USER or os:USER@HOST for an OS user, "
        + "a bare name for every recorder of that name, each row showing its kind), from and to (partial dates, matched by overlap). 400 names each bad "
        + "value; 404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<StatementView>>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, Paging.TotalCountHeader, "How many match in all, on every page.", Always = true, Integer = true)]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "<address of the next page>; rel=\"next\", while there is one.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, string? party, string? speaker, string? recordedBy, string? from, string? to,
        int? offset, int? limit, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var (fromDate, toDate) = (query.Date(nameof(from), from), query.Date(nameof(to), to));
        var recorder = query.RecordedBy(nameof(recordedBy), recordedBy);
        var page = Paging.Read(query, offset, limit);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        var filter = StatementFilter.Audit(id, QueryValues.Filter(party), QueryValues.Filter(speaker), recorder, fromDate, toDate);
        return await StatementLog.QueryPageAsync(session, filter, page.Offset, page.Limit, cancellationToken) is { } statements
            ? Paging.Ok(context, statements, page.Offset)
            : Problems.NegotiationNotFound(id);
    }
}
