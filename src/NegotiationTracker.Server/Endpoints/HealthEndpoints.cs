using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

public static class LiveEndpoint
{
    /// <summary>The process answers HTTP; says nothing about its dependencies.</summary>
    [WolverineGet("/health/live")]
    [ProducesResponseType<Health>(StatusCodes.Status200OK)]
    public static IResult Get() => Results.Ok(new Health("live"));
}

public static class ReadyEndpoint
{
    /// <summary>200 when PostgreSQL answers and the silo takes grain calls; 503 problem details otherwise.</summary>
    [WolverineGet("/health/ready")]
    [ProducesResponseType<Health>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Readiness readiness, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var problem = await readiness.CheckAsync(grains, cancellationToken);
        return problem is null
            ? Results.Ok(new Health("ready"))
            : Results.Problem(title: "Not ready", detail: problem, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>What a health check answers when it passes: "live" or "ready".</summary>
public sealed record Health(string Status);
