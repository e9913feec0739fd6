using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Replay;

/// <summary>The state of a negotiation now, or replayed to a moment: the one query behind <c>state</c> and the API's state.</summary>
public static class NegotiationStates
{
    /// <summary>
    /// The live view when no clock is given and every statement counts; otherwise replayed from the event store: what had
    /// happened by <paramref name="asOf"/>, as far as it was recorded by <paramref name="knownAt"/>, with the positions
    /// resting on the statements <paramref name="evidence"/> keeps.
    /// </summary>
    /// <returns>null when the negotiation is not in the ledger.</returns>
    public static async Task<StateAtMoment?> AtAsync(IQuerySession session, string negotiationId, PartialDate? asOf, PartialDate? knownAt, EvidenceFilter evidence,
        CancellationToken cancellationToken = default)
    {
        if (asOf is null && knownAt is null && evidence.IsAll)
        {
            return await NegotiationState.LoadAsync(session, negotiationId, cancellationToken) is { } live ? new StateAtMoment(negotiationId, live, asOf, knownAt) : null;
        }

        return await NegotiationReplay.LoadAsync(session, negotiationId, cancellationToken) is { } events
            ? new StateAtMoment(negotiationId, await events.StateAsync(session, asOf, knownAt, evidence, cancellationToken), asOf, knownAt)
            : null;
    }
}

/// <param name="State">null when the negotiation had not been opened by then.</param>
public sealed record StateAtMoment(string NegotiationId, NegotiationState? State, PartialDate? AsOf, PartialDate? KnownAt)
{
    /// <summary>Why there is no state, in the words the CLI and the API both answer with.</summary>
    public string NotOpened => $"negotiation {NegotiationId} had not been opened{(AsOf is null ? "" : $" by {AsOf}")}{(KnownAt is null ? "" : $" as known at {KnownAt}")}";
}
