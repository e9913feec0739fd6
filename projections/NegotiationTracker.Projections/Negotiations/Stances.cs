using JasperFx.Events;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>A statement's stance as it now reads, and whether it stands (not retracted, void, or a duplicate).</summary>
public sealed record StanceClaim(string Party, string StatementId, Stance? Stance, IReadOnlyList<string> Issues, PartialDate Said, long Sequence, bool Stands);

/// <summary>
/// How the parties' positions are worked out from what they said: a party's stance on an issue is the one of its latest
/// standing statement on it, by when it was said (<see cref="PartialDate"/>'s order), then by when it was recorded (global
/// sequence). One fold, used by the live view of current positions and by every replay, so both agree by construction.
/// </summary>
public sealed class Stances
{
    private readonly List<StanceClaim> claims = [];

    // Statements retracted or voided: removing a duplicate link later does not make them stand again.
    private readonly HashSet<string> withdrawn = [];

    /// <summary>Whether an event can move a position: a statement, or a correction that changes whether or what it claims.</summary>
    public static bool Moves(object data) =>
        data is StatementMade or StatementRetracted or RecordVoided or DuplicateLinked or DuplicateUnlinked or RecordAmended;

    /// <summary>The positions after the given events, in party then issue order; events that cannot move one are passed over.</summary>
    public static List<PositionEntry> Replay(IEnumerable<IEvent> events)
    {
        var stances = new Stances();
        foreach (var e in events)
        {
            stances.Apply(e);
        }

        return stances.Positions();
    }

    public void Apply(IEvent e)
    {
        switch (e.Data)
        {
            case StatementMade s:
                claims.Add(new StanceClaim(s.PartyId, s.StatementId, s.Stance, [.. s.IssueIds], s.Said, e.Sequence, Stands: true));
                break;
            case StatementRetracted x:
                withdrawn.Add(x.StatementId);
                Change(x.StatementId, c => c with { Stands = false });
                break;
            case RecordVoided x:
                withdrawn.Add(x.StatementId);
                Change(x.StatementId, c => c with { Stands = false });
                break;
            case DuplicateLinked x:
                Change(x.StatementId, c => c with { Stands = false });
                break;
            case DuplicateUnlinked x:
                Change(x.StatementId, c => c with { Stands = !withdrawn.Contains(c.StatementId) });
                break;
            case RecordAmended x:
                Change(x.StatementId, c => x.Field switch
                {
                    "stance" => c with { Stance = Vocabulary.TryParse<Stance>(x.NewValue, out var stance) ? stance : null },
                    "issues" => c with { Issues = x.NewValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "said" => c with { Said = PartialDate.TryParse(x.NewValue, out var said) ? said : c.Said },
                    _ => c,
                });
                break;
        }
    }

    public List<PositionEntry> Positions()
    {
        var positions = claims
            .Where(c => c.Stands && c.Stance is not null)
            .SelectMany(c => c.Issues.Select(issue => (Issue: issue, Claim: c)))
            .GroupBy(x => (x.Claim.Party, x.Issue))
            .Select(g => g.OrderBy(x => x.Claim.Said).ThenBy(x => x.Claim.Sequence).Last())
            .Select(x => new PositionEntry(x.Claim.Party, x.Issue, x.Claim.Stance!.Value, x.Claim.StatementId, x.Claim.Said, x.Claim.Sequence))
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
        if (statement.Stance is not { } stance)
        {
            return;
        }

        foreach (var issue in statement.IssueIds.Distinct())
        {
            var entry = new PositionEntry(statement.PartyId, issue, stance, statement.StatementId, statement.Said, sequence);
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

    private static int InPartyThenIssueOrder(PositionEntry a, PositionEntry b) =>
        string.CompareOrdinal(a.Party, b.Party) is var byParty and not 0 ? byParty : string.CompareOrdinal(a.Issue, b.Issue);

    private void Change(string statementId, Func<StanceClaim, StanceClaim> change)
    {
        var at = claims.FindIndex(c => c.StatementId == statementId);
        if (at >= 0)
        {
            claims[at] = change(claims[at]);
        }
    }
}
