using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Positions;

/// <summary>
/// The stored document behind position histories: one per party in a negotiation, holding that party's history on each
/// issue. One document per party (not per issue) means every statement touches exactly one document, even when it takes a
/// stance on several issues.
/// </summary>
public sealed class PartyPositions
{
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string PartyId { get; set; } = "";
    public List<PositionHistory> Issues { get; set; } = [];

    /// <summary>Every statement of the party in the negotiation, as it now reads (<see cref="StatementReading"/>), and its standing.</summary>
    public List<PositionClaim> Claims { get; set; } = [];

    public static string Key(string negotiationId, string partyId) => $"{negotiationId}/{partyId}";
}

/// <summary>What a stance view keeps of a statement's reading: the fields a stance rests on, and its standing.</summary>
public sealed record PositionClaim(string StatementId, Stance? Stance, IReadOnlyList<string> Issues, StatementKind Kind,
    PartialDate Said, long Sequence, string? SpeakerId, Standing Standing)
{
    public static PositionClaim Of(StatementReading reading, long sequence) =>
        new(reading.Current.StatementId, reading.Current.Stance, [.. reading.Current.IssueIds], reading.Current.Kind, reading.Current.Said, sequence, reading.Current.SpeakerId, reading.Standing);

    /// <summary>The claim as a reading, for one more event to be folded into it; the text and source play no part in a stance.</summary>
    public StatementReading Reading(string negotiationId, string partyId)
    {
        var made = new StatementMade(StatementId, negotiationId, partyId, SpeakerId, Kind, Stance, Issues, "", Attribution.Quote, Said, null);
        return new StatementReading(made, made, Standing, [], []);
    }
}
