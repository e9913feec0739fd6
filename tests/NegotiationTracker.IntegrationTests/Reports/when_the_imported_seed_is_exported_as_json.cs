using System.Text.Json;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed class when_the_imported_seed_is_exported_as_json(ReportFixture fixture)
{
    [Fact]
    public void it_is_one_document_with_the_documented_top_level_fields()
    {
        using var json = JsonDocument.Parse(JsonReport.Render(fixture.Report));

        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["negotiation", "positions", "proposals", "agreements", "latestStatements", "statements", "timeline", "sources", "evidence", "generatedAt"]);
    }

    [Fact]
    public void it_carries_the_same_data_as_the_read_models_in_camel_case_and_vocabulary_words()
    {
        var report = fixture.Report;
        using var json = JsonDocument.Parse(JsonReport.Render(report, latest: 4));
        var root = json.RootElement;

        root.GetProperty("negotiation").GetProperty("id").GetString().ShouldBe("us-iraq-withdrawal");
        root.GetProperty("negotiation").GetProperty("status").GetString().ShouldBe("active");
        root.GetProperty("negotiation").GetProperty("opened").GetString().ShouldBe("2024");
        root.GetProperty("statements").GetArrayLength().ShouldBe(report.Statements.Count);
        root.GetProperty("latestStatements").EnumerateArray().Select(s => s.GetProperty("id").GetString())
            .ShouldBe(report.Statements.TakeLast(4).Reverse().Select(s => s.Id));
        root.GetProperty("timeline").GetArrayLength().ShouldBe(report.Timeline.Count);
        root.GetProperty("proposals")[0].GetProperty("answers")[0].GetProperty("answer").GetString().ShouldBe("accept");
        root.GetProperty("sources")[0].GetProperty("statements").GetArrayLength().ShouldBe(report.Statements.Count);
        root.GetProperty("generatedAt").GetDateTimeOffset().ShouldBe(ReportFixture.GeneratedAt);

        var troops = root.GetProperty("positions").EnumerateArray().Single(i => i.GetProperty("issueId").GetString() == "us-troop-presence");
        var iraq = troops.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "iraq");
        iraq.GetProperty("stance").GetString().ShouldBe("opposes");
        iraq.GetProperty("role").GetString().ShouldBe("principal");
        iraq.GetProperty("latestEvidence").GetString().ShouldBe("2024-09");
    }

    [Fact]
    public void an_undated_timeline_entry_says_so_rather_than_carry_a_sort_key()
    {
        var issue = new TimelineEntry { Id = 3_000_000, Kind = TimelineKinds.IssueAdded, Title = "A new issue", SaidFrom = DateTimeOffset.MinValue, SaidUntil = DateTimeOffset.MinValue };
        var report = fixture.Report with { Timeline = [new TimelineItem(issue, null), .. fixture.Report.Timeline] };

        using var json = JsonDocument.Parse(JsonReport.Render(report));

        var entry = json.RootElement.GetProperty("timeline")[0];
        entry.GetProperty("kind").GetString().ShouldBe("issue-added");
        entry.GetProperty("said").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.TryGetProperty("saidFrom", out _).ShouldBeFalse();
    }
}
