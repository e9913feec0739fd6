using System.Globalization;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.Reports;

/// <summary>How every format words the same facts, so a Markdown brief and an HTML page never describe an event differently.</summary>
internal static class Wording
{
    public static bool IsCommentary(PartyRole role) => role == PartyRole.Commentator;

    public static string Date(PartialDate? date) => date?.ToString() ?? "undated";

    public static string Stance(Stance stance, Stance? shiftedFrom) =>
        shiftedFrom is { } from ? $"{stance.Word()} (shifted from {from.Word()})" : stance.Word();

    public static string Shifts(int shifts) => shifts switch
    {
        0 => "",
        1 => "1 shift",
        _ => $"{shifts} shifts",
    };

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Who acted, for a table a person reads: <see cref="Actor"/>, or "—" for nobody in particular.</summary>
    public static string Who(ReportIndex index, TimelineItem item) => Actor(index, item) ?? "—";

    /// <summary>Who acted: the speaker for their party where the ledger knows one, the parties of an agreement, or null for nobody in particular.</summary>
    public static string? Actor(ReportIndex index, TimelineItem item)
    {
        var entry = item.Entry;
        var party = item.PartyName ?? (entry.PartyId is null ? null : index.PartyName(entry.PartyId));
        if (entry.SpeakerId is { } speaker && party is not null)
        {
            // A person-party speaks for itself: its name once, even where its record of the person spells the name differently.
            var name = index.Statement(entry.Subject)?.SpeakerName ?? index.PersonName(speaker);
            return name == party || index.Party(entry.PartyId)?.Kind == PartyKind.Person ? party : $"{name} ({party})";
        }

        if (party is not null)
        {
            return party;
        }

        return entry.PartyIds.Count > 0 ? string.Join(", ", entry.PartyIds.Select(index.PartyName)) : null;
    }

    /// <summary>What happened, in a sentence a reader needs no vocabulary for.</summary>
    public static string What(ReportIndex index, TimelineEntry entry) => entry.Kind switch
    {
        TimelineKinds.Opened => $"Negotiation opened: {entry.Title}",
        TimelineKinds.IssueAdded => $"Issue added: {entry.Title}",
        TimelineKinds.SourceRegistered => entry.Detail is { } outlet ? $"Source registered: {entry.Title} ({outlet})" : $"Source registered: {entry.Title}",
        TimelineKinds.Joined => $"Joined as {entry.Title}",
        TimelineKinds.StatusChanged => string.IsNullOrWhiteSpace(entry.Detail) ? $"Status changed to {entry.Title}" : $"Status changed to {entry.Title}: {entry.Detail}",
        TimelineKinds.Statement => $"{entry.Detail ?? "statement"}{(entry.Stance is { } stance ? $", {stance.Word()}" : "")}{StandingMarks.Of(entry)}: {entry.Title}",
        TimelineKinds.ProposalTabled => $"Tabled proposal “{entry.Title}” ({entry.Subject})",
        TimelineKinds.ProposalWithdrawn => string.IsNullOrWhiteSpace(entry.Title)
            ? $"Withdrew proposal {ProposalName(index, entry.Subject)}"
            : $"Withdrew proposal {ProposalName(index, entry.Subject)}: {entry.Title}",
        TimelineKinds.ProposalAnswered => entry.Detail is { } counter
            ? $"Answered {entry.Title} to proposal {ProposalName(index, entry.Subject)}, with counter-proposal {counter}"
            : $"Answered {entry.Title} to proposal {ProposalName(index, entry.Subject)}",
        TimelineKinds.AgreementReached => $"Agreement reached: “{entry.Title}” ({entry.Subject})",
        TimelineKinds.AgreementSigned => index.Agreement(entry.Subject) is { } agreement
            ? $"Signed agreement “{agreement.Title}” ({agreement.AgreementId})"
            : $"Signed agreement {entry.Title}",
        _ => $"{entry.Kind}: {entry.Title}",
    };

    /// <summary>
    /// The rows of an agreement's signature table, party by party in the agreement's order: one per signature, and one with
    /// no signatory or date (<c>Signed</c> false) for a party that has not signed yet.
    /// </summary>
    public static IEnumerable<(string Party, string Signatory, string Date, bool Signed)> Signatures(ReportIndex index, AgreementRecord agreement)
    {
        foreach (var party in agreement.PartyIds)
        {
            var signatures = agreement.Signatures.Where(s => s.Party == party).ToList();
            if (signatures.Count == 0)
            {
                yield return (index.PartyName(party), "—", "not yet signed", false);
            }

            foreach (var signature in signatures)
            {
                yield return (index.PartyName(party), signature.Signatory is null ? "—" : index.PersonName(signature.Signatory), Date(signature.Said), true);
            }
        }
    }

    /// <summary>"2 issues added, 3 grades and 1 void": what the undated entries are, or null when there are none.</summary>
    public static string? Undated(IEnumerable<TimelineEntry> entries)
    {
        var counts = entries.Where(e => e.Said is null).GroupBy(e => UndatedNoun(e.Kind)).Select(g => (Noun: g.Key, Count: g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Noun.Plural, StringComparer.Ordinal).ToList();
        if (counts.Count == 0)
        {
            return null;
        }

        var parts = counts.Select(c => $"{c.Count} {(c.Count == 1 ? c.Noun.Singular : c.Noun.Plural)}").ToList();
        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
    }

    private static (string Singular, string Plural) UndatedNoun(string kind) => kind switch
    {
        TimelineKinds.IssueAdded => ("issue added", "issues added"),
        TimelineKinds.SourceRegistered => ("source", "sources"),
        TimelineKinds.Joined => ("party joining", "parties joining"),
        "amended" => ("amendment", "amendments"),
        "voided" => ("void", "voids"),
        "duplicate-linked" or "duplicate-unlinked" => ("duplicate link", "duplicate links"),
        "graded" or "source-graded" => ("grade", "grades"),
        "retracted" => ("retraction", "retractions"),
        "denied" => ("denial", "denials"),
        "clarified" => ("clarification", "clarifications"),
        "reported" => ("report", "reports"),
        "report-corrected" => ("report correction", "report corrections"),
        _ => ($"{kind} entry", $"{kind} entries"),
    };

    private static string ProposalName(ReportIndex index, string? proposalId) =>
        index.Proposal(proposalId) is { } proposal ? $"“{proposal.Title}” ({proposal.ProposalId})" : proposalId ?? "(unknown)";
}
