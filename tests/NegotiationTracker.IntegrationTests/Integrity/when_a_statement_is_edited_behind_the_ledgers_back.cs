using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_a_statement_is_edited_behind_the_ledgers_back(TamperedSeedFixture<when_a_statement_is_edited_behind_the_ledgers_back> ledger)
    : IClassFixture<TamperedSeedFixture<when_a_statement_is_edited_behind_the_ledgers_back>>, ITampering
{
    public static async Task<IReadOnlyList<EventRow>> TamperAsync(BehindTheLedgersBack database)
    {
        var statement = (await database.RowsAsync("party/us")).Where(r => r.Type == "statement_made").ElementAt(1);
        await database.ExecuteAsync(
            new Dictionary<string, object> { ["stream"] = statement.Stream, ["version"] = statement.Version },
            $"update {BehindTheLedgersBack.Events} set data = jsonb_set(data, '{{text}}', '\"We never said this.\"') where stream_id = @stream and version = @version");
        return [statement];
    }

    private EventRow Edited => ledger.Damaged[0];

    [Fact]
    public void the_ledger_verified_clean_before() => ledger.Before.Findings.ShouldBeEmpty();

    [Fact]
    public void verify_names_the_edited_event_by_stream_version_and_sequence()
    {
        var finding = ledger.After.Findings.ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.ContentChanged);
        (finding.Stream, finding.Version, finding.Sequence).ShouldBe((Edited.Stream, Edited.Version, Edited.Sequence));
    }

    [Fact]
    public async Task the_events_after_it_in_its_stream_are_not_blamed()
    {
        var later = (await ledger.Database.RowsAsync(Edited.Stream)).Where(r => r.Version > Edited.Version).ToList();

        later.ShouldNotBeEmpty();
        ledger.After.Findings.ShouldAllBe(f => f.Version == Edited.Version);
    }

    [Fact]
    public async Task verifying_the_negotiation_finds_it_too()
    {
        var streams = await ledger.Verifier.NegotiationStreamsAsync(ledger.Seed.Seed.Negotiation.NegotiationId);

        var report = await ledger.Verifier.VerifyAsync(streams);

        report.Findings.ShouldHaveSingleItem().Sequence.ShouldBe(Edited.Sequence);
    }
}
