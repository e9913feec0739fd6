using Marten;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>One party's current stance on each issue of one negotiation, and the statement that establishes it.</summary>
/// <remarks>
/// Kept apart from <see cref="NegotiationSummary"/>, one document per party and negotiation, so that neither grows with the
/// number of statements: recording a statement rewrites a document the size of the issues list, not the negotiation's record.
/// </remarks>
public sealed class CurrentPositions
{
    /// <summary>"{negotiation}/{party}".</summary>
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string PartyId { get; set; } = "";

    /// <summary>In issue order.</summary>
    public List<PositionEntry> Positions { get; set; } = [];

    /// <summary>How many statements the party has on the record in the negotiation (see <c>Standing.OnRecord</c>).</summary>
    public int Statements { get; set; }

    public static string Key(string negotiationId, string partyId) => $"{negotiationId}/{partyId}";

    /// <summary>How many statements each of these negotiations has on the record, all parties together.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> StatementCountsAsync(IQuerySession session, IReadOnlyCollection<string> negotiationIds, CancellationToken cancellationToken = default)
    {
        var ids = negotiationIds.ToArray();
        var documents = await session.Query<CurrentPositions>().Where(c => c.NegotiationId.IsOneOf(ids)).ToListAsync(cancellationToken);
        return documents.GroupBy(d => d.NegotiationId).ToDictionary(g => g.Key, g => g.Sum(d => d.Statements));
    }
}

/// <summary>A party's latest stance on an issue, and the statement that establishes it.</summary>
public sealed record PositionEntry(string Party, string Issue, Stance Stance, string StatementId, PartialDate Said, long Sequence)
{
    /// <summary>The statement was denied by its speaker: the stance rests on a contested record.</summary>
    public bool Contested { get; init; }

    /// <summary>The statement's Admiralty credibility (1–6), when graded.</summary>
    public int? Credibility { get; init; }
}
