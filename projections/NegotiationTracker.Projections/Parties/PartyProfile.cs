using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Parties;

public sealed class PartyProfile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public PartyKind Kind { get; set; }
    public List<PersonProfile> People { get; set; } = [];
}

public sealed record PersonProfile(string Id, string Name, string? Title);
