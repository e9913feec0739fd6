using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

public static class LiveEndpoint
{
    /// <summary>The process answers HTTP; says nothing about its dependencies.</summary>
    [WolverineGet("/health/live")]
    [Tags("Health"), EndpointSummary("Liveness: the process answers HTTP")]
    [EndpointDescription("200 `{status: \"live\"}` while the process runs; it checks nothing else. Open to callers without a key.")]
    [ProducesResponseType<Health>(StatusCodes.Status200OK)]
    public static IResult Get() => Results.Ok(new Health("live"));
}

public static class ReadyEndpoint
{
    public const string NotReadyCode = "not-ready";

    /// <summary>200 when PostgreSQL answers and the silo takes grain calls; 503 problem details otherwise, with <c>Retry-After</c> as during an outage.</summary>
    [WolverineGet("/health/ready")]
    [Tags("Health"), EndpointSummary("Readiness: PostgreSQL answers and the silo takes grain calls")]
    [EndpointDescription("200 `{status: \"ready\"}` when PostgreSQL answers and the Orleans silo takes grain calls; 503 problem details saying "
        + "which is not ready otherwise. Open to callers without a key.")]
    [ProducesResponseType<Health>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Readiness readiness, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var problem = await readiness.CheckAsync(grains, cancellationToken);
        return problem is null
            ? Results.Ok(new Health("ready"))
            : Problems.RetryLater(DatabaseOutage.RetryAfterSeconds, NotReadyCode, "Not ready", problem);
    }
}

/// <summary>What a health check answers when it passes: "live" or "ready".</summary>
public sealed record Health(string Status);
