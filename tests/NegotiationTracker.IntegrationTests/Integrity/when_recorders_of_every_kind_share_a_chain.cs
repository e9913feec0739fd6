using NegotiationTracker.Domain.Common;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>
/// One party's stream holds statements recorded under a bare name (as every event was before recorder kinds were stored),
/// by a key holder and by OS users of the same name, and by OS users whose names hold an underscore or an at sign, so one
/// hash chain runs through every form of recorded-by.
/// </summary>
public sealed class RecordersOfEveryKindFixture : IAsyncLifetime
{
    public LedgerFixture Ledger { get; } = new();

    public Scenario Scenario { get; private set; } = null!;

    public static readonly (string Statement, string RecordedBy)[] Statements =
    [
        ("bare", "root"),
        ("key-holder", Recorder.KeyHolder("root").Stored),
        ("os-user", Recorder.OsUser("root", "ledger-host").Stored),
        ("underscored", Recorder.OsUser("a_b", "ledger-host").Stored),
        ("lookalike", Recorder.OsUser("axb", "ledger-host").Stored),
        ("domain-user", Recorder.OsUser("root@corp", "ledger-host").Stored),
    ];

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        Scenario = await new Scenario(Ledger.Grains).OpenAsync();
        var party = await Scenario.RegisterAsync("speaker");
        foreach (var (statement, recordedBy) in Statements)
        {
            (await Scenario.Party(party).Execute(Scenario.Statement(party, $"{statement}-{party}"), Recording.By(recordedBy))).ShouldBeAccepted();
        }
    }

    public Task DisposeAsync() => Ledger.DisposeAsync();
}

public sealed class when_recorders_of_every_kind_share_a_chain(RecordersOfEveryKindFixture ledger) : IClassFixture<RecordersOfEveryKindFixture>
{
    private async Task<List<string>> RecordedByAsync(string filter)
    {
        await using var session = ledger.Ledger.Store.QuerySession();
        var statements = (await StatementLog.QueryAsync(session, StatementFilter.Audit(ledger.Scenario.NegotiationId, recordedBy: filter))).ShouldNotBeNull();
        return statements.Select(s => s.RecordedBy!).ToList();
    }

    [Fact]
    public async Task the_chain_verifies_with_the_bare_names_sealed_as_they_were()
    {
        var verifier = new LedgerVerifier(ledger.Ledger.Store);
        var streams = (await verifier.NegotiationStreamsAsync(ledger.Scenario.NegotiationId)).ShouldNotBeNull();

        var report = await verifier.VerifyAsync(streams);

        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_bare_name_finds_every_kind_of_recorder_of_that_name() =>
        (await RecordedByAsync("root")).ShouldBe(["root", "key:root", "os:root@ledger-host"], ignoreOrder: true);

    [Fact]
    public async Task a_key_holder_filter_finds_the_key_holder_only() =>
        (await RecordedByAsync("key:root")).ShouldBe(["key:root"]);

    [Fact]
    public async Task an_os_user_filter_finds_the_os_user_only() =>
        (await RecordedByAsync("os:root")).ShouldBe(["os:root@ledger-host"]);

    [Fact]
    public async Task an_os_user_whose_name_holds_an_at_sign_is_found_by_name_and_host() =>
        (await RecordedByAsync("os:root@corp@ledger-host")).ShouldBe(["os:root@corp@ledger-host"]);

    [Fact]
    public async Task an_underscore_in_an_os_user_name_matches_only_itself() =>
        (await RecordedByAsync("os:a_b")).ShouldBe(["os:a_b@ledger-host"]);

    [Fact]
    public async Task the_bare_name_reads_as_recorded_before_kinds_were_stored() =>
        Recorder.Describe((await RecordedByAsync("root")).Single(r => !r.Contains(':'))).ShouldBe("root (recorded before recorder kinds were stored)");
}
