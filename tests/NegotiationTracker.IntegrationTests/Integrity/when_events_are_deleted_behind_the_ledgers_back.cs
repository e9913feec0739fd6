using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_events_are_deleted_behind_the_ledgers_back(TamperedSeedFixture<when_events_are_deleted_behind_the_ledgers_back> ledger)
    : IClassFixture<TamperedSeedFixture<when_events_are_deleted_behind_the_ledgers_back>>, ITampering
{
    /// <returns>The row deleted from the middle of a stream, the row after it, and the row deleted from another stream's end.</returns>
    public static async Task<IReadOnlyList<EventRow>> TamperAsync(BehindTheLedgersBack database)
    {
        var us = await database.RowsAsync("party/us");
        var (middle, next) = (us[3], us[4]);
        var last = (await database.RowsAsync("party/iraq"))[^1];
        await database.ExecuteAsync(
            new Dictionary<string, object> { ["middle"] = middle.Sequence, ["last"] = last.Sequence },
            $"delete from {BehindTheLedgersBack.Events} where seq_id in (@middle, @last)");
        return [middle, next, last];
    }

    [Fact]
    public void the_ledger_verified_clean_before() => ledger.Before.Findings.ShouldBeEmpty();

    [Fact]
    public void a_row_deleted_from_the_middle_of_a_stream_is_missing_before_the_next_one()
    {
        var (middle, next) = (ledger.Damaged[0], ledger.Damaged[1]);

        var finding = ledger.After.Findings.Where(f => f.Stream == middle.Stream).ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.Missing);
        (finding.Version, finding.Sequence).ShouldBe((next.Version, next.Sequence));
        finding.Detail.ShouldContain($"version {middle.Version} is missing");
    }

    [Fact]
    public void a_row_deleted_from_the_end_of_a_stream_is_missing_at_its_end()
    {
        var last = ledger.Damaged[2];

        var finding = ledger.After.Findings.Where(f => f.Stream == last.Stream).ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.Missing);
        finding.Version.ShouldBe(last.Version);
        finding.Detail.ShouldContain("at the end of the stream");
    }

    [Fact]
    public void nothing_else_is_reported() => ledger.After.Findings.Count.ShouldBe(2);
}
