using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Common;

/// <summary>
/// Stream layout: one stream per negotiation and one per party, each with exactly one writer grain.
/// Keys carry the kind of stream, so a party and a negotiation may share a slug.
/// </summary>
public static class Streams
{
    public const string NegotiationPrefix = "negotiation/";
    public const string PartyPrefix = "party/";

    public static string Negotiation(string negotiationId) => NegotiationPrefix + negotiationId;

    public static string Party(string partyId) => PartyPrefix + partyId;

    /// <summary>The stream a command is written to, derived from the command.</summary>
    public static string Of(object command) => command switch
    {
        IPartyCommand c => Party(c.PartyId),
        INegotiationCommand c => Negotiation(c.NegotiationId),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a command of a party or a negotiation", nameof(command)),
    };
}
