using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Parties;

public sealed class PartyProfile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public PartyKind Kind { get; set; }
    public List<PersonProfile> People { get; set; } = [];

    /// <summary>The profiles of a negotiation's members, by party id, in one read.</summary>
    public static async Task<IReadOnlyDictionary<string, PartyProfile>> OfMembersAsync(IQuerySession session, NegotiationSummary negotiation, CancellationToken cancellationToken) =>
        (await session.LoadManyAsync<PartyProfile>(cancellationToken, negotiation.Parties.Select(p => p.Id).ToArray())).ToDictionary(p => p.Id);
}

public sealed record PersonProfile(string Id, string Name, string? Title);
