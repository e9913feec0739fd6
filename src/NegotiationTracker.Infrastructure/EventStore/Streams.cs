namespace NegotiationTracker.Infrastructure.EventStore;

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
}
