using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

/// <summary>Reports built from the imported seed, then changed by hand to hold what the seed does not: hostile text, an agreement.</summary>
public static class Tricky
{
    public const string StatementId = "tricky-statement";

    public const string Text = "Troops | advisers <script>alert(1)</script> & *all* \"others\", [link](x)\nsecond line";

    /// <summary>The newest statement, by Iraq's prime minister, holds markup, a pipe, a comma, quotes and a line break.</summary>
    public static NegotiationReport WithHostileStatement(NegotiationReport report)
    {
        var original = report.Statements.Single(s => s.Speaker == "al-sudani");
        var statement = original with { Id = StatementId, Text = Text, Sequence = 1_000_000 };
        var entry = new TimelineEntry
        {
            Id = 1_000_000,
            NegotiationId = report.State.Id,
            Kind = TimelineKinds.Statement,
            PartyId = original.Party,
            SpeakerId = original.Speaker,
            Said = original.Said,
            Title = Text,
            Detail = original.Kind.Word(),
            Stance = original.Stance,
            IssueIds = [.. original.Issues],
            Subject = StatementId,
        };
        return report with
        {
            Statements = [.. report.Statements, statement],
            Timeline = [.. report.Timeline, new TimelineItem(entry, original.PartyName)],
        };
    }

    public const string AgreementId = "withdrawal-accord";

    /// <summary>The withdrawal proposal agreed by the U.S. and Iraq, signed so far by Iraq only, with its reaching and signing on the timeline.</summary>
    public static NegotiationReport WithPartlySignedAgreement(NegotiationReport report)
    {
        var said = PartialDate.Day(2024, 10, 3);
        var agreement = new AgreementRecord
        {
            Id = AgreementRecord.Key(report.State.Id, AgreementId),
            NegotiationId = report.State.Id,
            AgreementId = AgreementId,
            Title = "Withdrawal accord",
            ProposalId = "two-year-withdrawal",
            Reached = said,
            Terms = [new AgreementTermEntry("withdrawal-timeline", "U.S. troops leave within two years.")],
            PartyIds = ["us", "iraq"],
            Signatures = [new SignatureRecord("iraq", "al-sudani", said, DateTimeOffset.UnixEpoch)],
            Status = AgreementRecord.Statuses.PartlySigned,
        };
        TimelineEntry[] entries =
        [
            new() { Id = 2_000_000, NegotiationId = report.State.Id, Kind = TimelineKinds.AgreementReached, Said = said, Title = agreement.Title, Subject = AgreementId, PartyIds = ["us", "iraq"] },
            new() { Id = 2_000_001, NegotiationId = report.State.Id, Kind = TimelineKinds.AgreementSigned, Said = said, Title = AgreementId, Subject = AgreementId, PartyId = "iraq", SpeakerId = "al-sudani" },
        ];
        return report with
        {
            Agreements = [.. report.Agreements, agreement],
            Timeline = [.. report.Timeline, new TimelineItem(entries[0], null), new TimelineItem(entries[1], "Republic of Iraq")],
        };
    }

    /// <summary>Iraq's government supported a U.S. presence before it opposed it: its current stance is a shift.</summary>
    public static NegotiationReport WithIraqShiftedOnTroops(NegotiationReport report) => report with
    {
        Positions = [.. report.Positions.Select(issue => issue.IssueId != "us-troop-presence" ? issue : issue with
        {
            Parties = [.. issue.Parties.Select(p => p.PartyId == "iraq" ? p with { Shifts = 1, ShiftedFrom = Stance.Supports } : p)],
        })],
    };
}
