using NegotiationTracker.Domain.Negotiations;
using Orleans.Concurrency;

namespace NegotiationTracker.Grains.Negotiations;

/// <summary>
/// The single writer of a negotiation's own stream: opening, issues, sources, membership, status, proposals and agreements.
/// Keyed by negotiation id.
/// </summary>
[Alias("NegotiationTracker.INegotiationGrain")]
public interface INegotiationGrain : IGrainWithStringKey
{
    /// <summary>Decides a command on the negotiation's stream and appends what it decides. Send it with <see cref="Commands.ExecuteAsync"/>, which finds the grain from the command.</summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(INegotiationCommand command, Recording recording);

    /// <summary>The write model, for rules decided by other grains. Interleaves with commands: parties ask while this grain asks them.</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<Negotiation?> GetState();
}
