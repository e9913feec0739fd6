using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_two_events_swap_versions_behind_the_ledgers_back(TamperedSeedFixture<when_two_events_swap_versions_behind_the_ledgers_back> ledger)
    : IClassFixture<TamperedSeedFixture<when_two_events_swap_versions_behind_the_ledgers_back>>, ITampering
{
    public static async Task<IReadOnlyList<EventRow>> TamperAsync(BehindTheLedgersBack database)
    {
        var us = await database.RowsAsync("party/us");
        var (first, second) = (us[3], us[4]);

        // Through a free version: (stream, version) is unique.
        await database.ExecuteAsync(
            new Dictionary<string, object> { ["first"] = first.Sequence, ["second"] = second.Sequence, ["firstVersion"] = first.Version, ["secondVersion"] = second.Version },
            $"update {BehindTheLedgersBack.Events} set version = -1 where seq_id = @first",
            $"update {BehindTheLedgersBack.Events} set version = @firstVersion where seq_id = @second",
            $"update {BehindTheLedgersBack.Events} set version = @secondVersion where seq_id = @first");
        return [first, second];
    }

    [Fact]
    public void the_ledger_verified_clean_before() => ledger.Before.Findings.ShouldBeEmpty();

    [Fact]
    public void both_events_are_out_of_order_where_they_now_stand()
    {
        var (first, second) = (ledger.Damaged[0], ledger.Damaged[1]);

        ledger.After.Findings.Select(f => (f.Kind, f.Stream, f.Version, f.Sequence)).ShouldBe(
        [
            (FindingKind.OutOfOrder, first.Stream, second.Version, first.Sequence),
            (FindingKind.OutOfOrder, second.Stream, first.Version, second.Sequence),
        ]);
    }

    [Fact]
    public void each_says_which_version_it_was_sealed_as() =>
        ledger.After.Findings[0].Detail.ShouldContain($"sealed as version {ledger.Damaged[0].Version}");
}
