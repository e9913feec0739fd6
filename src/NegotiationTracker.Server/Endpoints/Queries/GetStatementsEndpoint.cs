using Marten;
using Microsoft.AspNetCore.Http;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Statements;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

public static class GetStatementsEndpoint
{
    /// <summary>The statement log with the CLI's filters, the same array as <c>negotiation statements ID --format json</c>.</summary>
    [WolverineGet("/api/negotiations/{id}/statements")]
    public static async Task<IResult> Get(string id, string? party, string? speaker, string? issue, string? from, string? to, bool? includeRetracted,
        IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = Date(nameof(from), from, errors);
        var toDate = Date(nameof(to), to, errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid date", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await session.LoadAsync<NegotiationSummary>(id, cancellationToken) is null)
        {
            return Problems.NegotiationNotFound(id);
        }

        var filter = new StatementFilter(id, Blank(party), Blank(speaker), Blank(issue), fromDate, toDate, includeRetracted ?? false);
        return Results.Ok(await StatementLog.QueryAsync(session, filter, cancellationToken));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static PartialDate? Date(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        errors[name] = [$"'{text}' is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone"];
        return null;
    }
}
