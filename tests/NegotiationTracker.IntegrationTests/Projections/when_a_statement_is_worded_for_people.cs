using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.IntegrationTests.Projections;

/// <summary>How the statement log's annotations and speakers read, whatever prints them. No database: the wording is pure.</summary>
public class when_a_statement_is_worded_for_people
{
    private static readonly DateTimeOffset RecordedAt = new(2024, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static StatementAnnotation Note(string kind, string detail, string? reason = null) => new(kind, detail, reason, PartialDate.Month(2024, 10), RecordedAt, "analyst", 7);

    private static StatementView Said(string partyName, PartyKind? kind, string? speakerName) =>
        new("s1", "talks", "party", partyName, speakerName is null ? null : "speaker", speakerName, StatementKind.Position, Stance.Supports, [], "Text.",
            Attribution.Quote, PartialDate.Month(2024, 9), null, RecordedAt, "analyst", 1)
        { PartyKind = kind };

    [Fact]
    public void a_report_names_its_source_with_reported_said_once() =>
        Note("reported", "reported by nyt (NYT citing unnamed officials)").Reading().ShouldBe("reported by nyt (NYT citing unnamed officials)");

    [Fact]
    public void a_denial_reads_as_denied_and_its_reason() =>
        Note("denied", "the speaker denies having said it", "the ministry denies it").Reading().ShouldBe("denied: the ministry denies it");

    [Fact]
    public void a_retraction_reads_as_retracted_and_its_reason() =>
        Note("retracted", "the speaker retracted it", "taken back").Reading().ShouldBe("retracted: taken back");

    [Fact]
    public void a_grade_keeps_its_detail_and_reason() =>
        Note("graded", "credibility 3", "single source").Reading().ShouldBe("graded: credibility 3 (single source)");

    [Fact]
    public void a_person_party_speaking_for_itself_is_named_once() =>
        Said("Michael Rubin", PartyKind.Person, "Dr. Michael Rubin").SpeakerApart.ShouldBeNull();

    [Fact]
    public void a_speaker_named_as_the_party_is_named_once() =>
        Said("Adam Weinstein", PartyKind.Organization, "Adam Weinstein").SpeakerApart.ShouldBeNull();

    [Fact]
    public void a_speaker_for_a_state_is_named_apart_from_it() =>
        Said("Republic of Iraq", PartyKind.State, "Mohammed Shia al-Sudani").SpeakerApart.ShouldBe("Mohammed Shia al-Sudani");
}
