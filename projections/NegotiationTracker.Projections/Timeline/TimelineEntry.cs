using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Timeline;

/// <summary>
/// One thing that happened in a negotiation, as a row: when it happened (as precisely as known), who did it, what it was,
/// and when and by whom it was recorded. Keyed by the event's global sequence, so a rebuild writes the same rows.
/// </summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public string NegotiationId { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary>The acting party, if any: who spoke, tabled, answered, joined or signed.</summary>
    public string? PartyId { get; set; }
    public string? SpeakerId { get; set; }
    public PartialDate? Said { get; set; }

    /// <summary>Sort key: the start of the said period; undated entries (issues, sources) sort first, as setup.</summary>
    public DateTimeOffset SaidFrom { get; set; }

    /// <summary>Sort key: among equal starts, coarser dates (a later end) sort first.</summary>
    public DateTimeOffset SaidUntil { get; set; }

    /// <summary>The headline: a statement's text, a proposal's or agreement's title, a status change's reason.</summary>
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public Stance? Stance { get; set; }
    public List<string> IssueIds { get; set; } = [];
    public List<string> PartyIds { get; set; } = [];

    /// <summary>The statement, proposal or agreement this entry is about.</summary>
    public string? Subject { get; set; }
    public string? SourceId { get; set; }

    /// <summary>For a statement: its status as it now reads (standing, retracted, void or duplicate); null for other entries.</summary>
    public string? Status { get; set; }

    /// <summary>For a statement: denied by its speaker, so contested.</summary>
    public bool Contested { get; set; }

    /// <summary>For a statement: its Admiralty credibility (1–6), when graded.</summary>
    public int? Credibility { get; set; }

    /// <summary>For a statement linked as a duplicate: the record it duplicates.</summary>
    public string? DuplicateOf { get; set; }

    public string StreamKey { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }

    public long Sequence => Id;
}

/// <summary>The kinds of timeline entries, as printed and stored.</summary>
public static class TimelineKinds
{
    public const string Opened = "opened";
    public const string IssueAdded = "issue-added";
    public const string SourceRegistered = "source-registered";
    public const string Joined = "joined";
    public const string StatusChanged = "status-changed";
    public const string Statement = "statement";
    public const string ProposalTabled = "proposal-tabled";
    public const string ProposalWithdrawn = "proposal-withdrawn";
    public const string ProposalAnswered = "proposal-answered";
    public const string AgreementReached = "agreement-reached";
    public const string AgreementSigned = "agreement-signed";
}
