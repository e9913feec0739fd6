using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Grains.Negotiations;
using NegotiationTracker.Grains.Parties;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Grains;

/// <summary>Sends a command to the single writer of its stream, found from the command itself.</summary>
public static class Commands
{
    public static Task<CommandResult> ExecuteAsync(this IGrainFactory grains, object command, Recording recording) => command switch
    {
        IPartyCommand c => grains.GetGrain<IPartyGrain>(c.PartyId).Execute(c, recording),
        INegotiationCommand c => grains.GetGrain<INegotiationGrain>(c.NegotiationId).Execute(c, recording),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a command of a party or a negotiation", nameof(command)),
    };
}
