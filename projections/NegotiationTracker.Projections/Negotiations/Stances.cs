using JasperFx.Events;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>
/// How the parties' positions are worked out from what they said: a party's stance on an issue is the one of its latest
/// standing statement on it, by when it was said (<see cref="PartialDate"/>'s order), then by when it was recorded (global
/// sequence). Each statement is read through <see cref="StatementReading"/>, so an amendment, a retraction, a void, a
/// duplicate link or a denial means here what it means everywhere else. One fold, used by the live view of current
/// positions and by every replay, so both agree by construction.
/// </summary>
/// <param name="filter">Which standing statements count as evidence: all by default; contested or low-credibility ones can be left out.</param>
public sealed class Stances(EvidenceFilter? filter = null)
{
    private readonly EvidenceFilter filter = filter ?? EvidenceFilter.All;

    private readonly Dictionary<string, (StatementReading Reading, long Sequence)> readings = [];

    /// <summary>
    /// Whether an event can move a position or a count: a statement, or a correction that changes whether it stands, what it
    /// claims, whether it is contested or how credible it is. Reports and clarifications do not.
    /// </summary>
    public static bool Moves(object data) =>
        StatementReading.Reads(data) && data is not (StatementClarified or StatementReported or ReportCorrected);

    /// <summary>The positions after the given events, in party then issue order; events that cannot move one are passed over.</summary>
    public static List<PositionEntry> Replay(IEnumerable<IEvent> events, EvidenceFilter? filter = null) => Of(events, filter).Positions();

    /// <summary>The fold of the given events.</summary>
    public static Stances Of(IEnumerable<IEvent> events, EvidenceFilter? filter = null)
    {
        var stances = new Stances(filter);
        foreach (var e in events)
        {
            stances.Apply(e);
        }

        return stances;
    }

    public void Apply(IEvent e)
    {
        switch (e.Data)
        {
            case StatementMade s:
                readings.TryAdd(Party.StatementKey(s.NegotiationId, s.StatementId), (StatementReading.Evolve(null, s)!, e.Sequence));
                break;
            case IStatementAnnotation a when readings.TryGetValue(Party.StatementKey(a.NegotiationId, a.StatementId), out var read):
                readings[Party.StatementKey(a.NegotiationId, a.StatementId)] = (StatementReading.Evolve(read.Reading, a)!, read.Sequence);
                break;
        }
    }

    /// <summary>How many statements each party has on the record (<see cref="Standing.OnRecord"/>).</summary>
    public Dictionary<string, int> StatementCounts() =>
        readings.Values.Where(r => r.Reading.Standing.OnRecord)
            .GroupBy(r => r.Reading.Current.PartyId)
            .ToDictionary(g => g.Key, g => g.Count());

    public List<PositionEntry> Positions()
    {
        var positions = readings.Values
            .Where(r => r.Reading.Standing.Stands && r.Reading.Standing.Passes(filter) && r.Reading.Current.Stance is not null)
            .SelectMany(r => r.Reading.Current.IssueIds.Distinct().Select(issue => (Issue: issue, Claim: r)))
            .GroupBy(x => (x.Claim.Reading.Current.PartyId, x.Issue))
            .Select(g => g.OrderBy(x => x.Claim.Reading.Current.Said).ThenBy(x => x.Claim.Sequence).Last())
            .Select(x => Entry(x.Claim.Reading, x.Issue, x.Claim.Sequence))
            .ToList();
        positions.Sort(InPartyThenIssueOrder);
        return positions;
    }

    /// <summary>
    /// A new standing statement can only move a position forward: it replaces the party's position on each of its issues when
    /// it was said later (or as late, and recorded later). This costs the statement's issues, not the party's statements, so
    /// recording stays cheap however long the negotiation runs; only corrections need the whole fold.
    /// </summary>
    public static void TakePosition(List<PositionEntry> positions, StatementMade statement, long sequence)
    {
        if (statement.Stance is null)
        {
            return;
        }

        var reading = StatementReading.Evolve(null, statement)!;
        foreach (var issue in statement.IssueIds.Distinct())
        {
            var entry = Entry(reading, issue, sequence);
            var at = positions.FindIndex(p => p.Party == statement.PartyId && p.Issue == issue);
            if (at < 0)
            {
                var before = positions.FindIndex(p => InPartyThenIssueOrder(p, entry) > 0);
                positions.Insert(before < 0 ? positions.Count : before, entry);
            }
            else if (statement.Said.CompareTo(positions[at].Said) is var bySaid && (bySaid > 0 || (bySaid == 0 && sequence > positions[at].Sequence)))
            {
                positions[at] = entry;
            }
        }
    }

    private static PositionEntry Entry(StatementReading reading, string issue, long sequence) =>
        new(reading.Current.PartyId, issue, reading.Current.Stance!.Value, reading.Current.StatementId, reading.Current.Said, sequence)
        {
            Contested = reading.Standing.Contested,
            Credibility = reading.Standing.Credibility,
        };

    private static int InPartyThenIssueOrder(PositionEntry a, PositionEntry b) =>
        string.CompareOrdinal(a.Party, b.Party) is var byParty and not 0 ? byParty : string.CompareOrdinal(a.Issue, b.Issue);
}
