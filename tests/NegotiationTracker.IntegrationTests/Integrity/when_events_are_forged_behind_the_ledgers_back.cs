using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_events_are_forged_behind_the_ledgers_back(TamperedSeedFixture<when_events_are_forged_behind_the_ledgers_back> ledger)
    : IClassFixture<TamperedSeedFixture<when_events_are_forged_behind_the_ledgers_back>>, ITampering
{
    private const string Forgery =
        $"insert into {BehindTheLedgersBack.Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, headers, user_name, is_archived) " +
        $"select (select max(seq_id) + 1 from {BehindTheLedgersBack.Events}), gen_random_uuid(), stream_id, version + 1, " +
        "jsonb_set(jsonb_set(data, '{statementId}', '\"forged\"'), '{text}', '\"We concede everything.\"'), " +
        $"type, now(), tenant_id, mt_dotnet_type, correlation_id, headers, user_name, is_archived from {BehindTheLedgersBack.Events} where seq_id = @copied";

    /// <returns>The rows the forgeries were copied from: one by a careless forger, one by a careful one.</returns>
    public static async Task<IReadOnlyList<EventRow>> TamperAsync(BehindTheLedgersBack database)
    {
        // Careless: a copy of the stream's last event (text changed), seal and all, appended to the table alone.
        var careless = (await database.RowsAsync("party/iraq"))[^1];
        await database.ExecuteAsync(new Dictionary<string, object> { ["copied"] = careless.Sequence }, Forgery);

        // Careful: the same, at the stream's end, with the stream table's version moved along so the row looks appended.
        var careful = (await database.RowsAsync("party/us"))[^1];
        await database.ExecuteAsync(
            new Dictionary<string, object> { ["copied"] = careful.Sequence, ["stream"] = careful.Stream },
            Forgery,
            "update negotiation_tracker.mt_streams set version = version + 1 where id = @stream");
        return [careless, careful];
    }

    [Fact]
    public void the_ledger_verified_clean_before() => ledger.Before.Findings.ShouldBeEmpty();

    [Fact]
    public async Task a_row_the_store_never_counted_is_forged()
    {
        var copied = ledger.Damaged[0];
        var forged = (await ledger.Database.RowsAsync(copied.Stream))[^1];

        var finding = ledger.After.Findings.Where(f => f.Stream == copied.Stream).ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.Forged);
        (finding.Version, finding.Sequence).ShouldBe((forged.Version, forged.Sequence));
    }

    [Fact]
    public async Task a_row_with_a_seal_lifted_from_another_event_is_forged()
    {
        var copied = ledger.Damaged[1];
        var forged = (await ledger.Database.RowsAsync(copied.Stream))[^1];

        var finding = ledger.After.Findings.Where(f => f.Stream == copied.Stream).ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.Forged);
        (finding.Version, finding.Sequence).ShouldBe((copied.Version + 1, forged.Sequence));
    }

    [Fact]
    public void nothing_else_is_reported() => ledger.After.Findings.Count.ShouldBe(2);
}
