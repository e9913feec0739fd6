using NegotiationTracker.Domain.Parties;
using Orleans.Concurrency;

namespace NegotiationTracker.Grains.Parties;

/// <summary>The single writer of a party's stream: who it is, its people, its statements and its answers in every negotiation. Keyed by party id.</summary>
[Alias("NegotiationTracker.IPartyGrain")]
public interface IPartyGrain : IGrainWithStringKey
{
    /// <summary>Decides a command on the party's stream and appends what it decides. Send it with <see cref="Commands.ExecuteAsync"/>, which finds the grain from the command.</summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(IPartyCommand command, Recording recording);

    /// <summary>Several commands at once, all or none (see <see cref="PartyDecider"/>); one append, so an import costs a transaction per batch, not per statement.</summary>
    [Alias("ExecuteAll")]
    Task<CommandResult> ExecuteAll(IPartyCommand[] commands, Recording recording);

    /// <summary>The write model, for rules decided by other grains. Interleaves with commands: negotiations ask while this grain asks them.</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<Party?> GetState();
}
