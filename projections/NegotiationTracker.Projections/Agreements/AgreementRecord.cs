using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Agreements;

/// <summary>An agreement in the register: its terms, parties, who signed for each and when, and how far signing has got.</summary>
public sealed class AgreementRecord
{
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string AgreementId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? ProposalId { get; set; }
    public PartialDate? Reached { get; set; }
    public string? SourceId { get; set; }
    public List<AgreementTermEntry> Terms { get; set; } = [];
    public List<string> PartyIds { get; set; } = [];
    public List<SignatureRecord> Signatures { get; set; } = [];

    /// <summary>reached (no signature yet), partly-signed, or signed (by every party).</summary>
    public string Status { get; set; } = Statuses.Reached;

    public static string Key(string negotiationId, string agreementId) => $"{negotiationId}/{agreementId}";

    public static class Statuses
    {
        public const string Reached = "reached";
        public const string PartlySigned = "partly-signed";
        public const string Signed = "signed";
    }
}

public sealed record AgreementTermEntry(string Issue, string Text);

public sealed record SignatureRecord(string Party, string? Signatory, PartialDate? Said, DateTimeOffset RecordedAt);
