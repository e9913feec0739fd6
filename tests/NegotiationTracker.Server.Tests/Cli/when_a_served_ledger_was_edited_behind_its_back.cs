using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;
using Npgsql;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary>The server's ledger with the U.S.–Iraq seed, one statement of which was then edited in the event table with plain SQL.</summary>
public sealed class EditedLedgerFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();

    public string ReaderKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        ReaderKey = await Server.CreateKeyAsync("Reader R", ApiRole.Reader);
        await Server.ImportSeedAsync("us-iraq-withdrawal.yaml");

        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var edit = new NpgsqlCommand("""
            update negotiation_tracker.mt_events set data = jsonb_set(data, '{text}', '"Edited behind the ledger''s back."')
            where seq_id = (select min(seq_id) from negotiation_tracker.mt_events where type = 'statement_made')
            """, connection);
        (await edit.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

public sealed class when_a_served_ledger_was_edited_behind_its_back(EditedLedgerFixture ledger) : IClassFixture<EditedLedgerFixture>
{
    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task verify_reports_the_finding_and_exits_5_as_on_the_database(string format)
    {
        var served = NegotiationProgram.RunAsync(["verify", "--format", format, "--server", ledger.Server.Address, "--api-key", ledger.ReaderKey]);
        var read = NegotiationProgram.RunAsync(["verify", "--format", format, "--db", ledger.Server.ConnectionString]);

        (await read).ExitCode.ShouldBe(5, (await read).ToString());
        (await read).Out.ShouldContain("content-changed");
        (await served).ShouldBeTheSameAs(await read);
    }
}
