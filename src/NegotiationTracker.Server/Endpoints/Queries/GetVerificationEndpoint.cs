using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Grains.Integrity;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetVerificationEndpoint
{
    /// <summary>
    /// Re-reads the store and checks every event against its stream's hash chain and the log against its stored checkpoints,
    /// as <c>negotiation verify [ID] --format json</c>. Findings are data, so the answer is 200 either way: read <c>clean</c>.
    /// </summary>
    [WolverineGet("/api/verification")]
    [Tags("Integrity"), EndpointSummary("Verify the tamper-evident log")]
    [EndpointDescription("{clean, eventsChecked, streamsChecked, checkpointsChecked, findings[{kind, stream, version, sequence, detail}]}, kind one of "
        + "content-changed, missing, out-of-order, unsealed, forged, checkpoint-mismatch. negotiation= checks only that negotiation's stream and its "
        + "members' (404 when unknown); without it, the whole log. 200 whether or not anything was found. Reads every event: seconds on a large log.")]
    [ProducesResponseType<VerificationResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string? negotiation, IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var verifier = new LedgerVerifier(store, clock);
        IReadOnlySet<string>? streams = null;
        if (QueryValues.Filter(negotiation) is { } id)
        {
            streams = await verifier.NegotiationStreamsAsync(id, cancellationToken);
            if (streams is null)
            {
                return Problems.NegotiationNotFound(id);
            }
        }

        return Results.Ok(VerificationResult.Of(await verifier.VerifyAsync(streams, cancellationToken: cancellationToken)));
    }
}
