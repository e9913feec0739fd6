using NegotiationTracker.Domain.Common;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>
/// The real `negotiation` program verifying a ledger written through the grains: clean, with a checkpoint exported and the
/// log grown since, then after a statement was edited in the database.
/// </summary>
public sealed class CommandLineVerificationFixture : IAsyncLifetime
{
    public LedgerFixture Ledger { get; } = new();

    public string NegotiationId { get; private set; } = "";

    public string CheckpointPath { get; } = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");

    public CliOutput Clean { get; private set; } = null!;

    public CliOutput Export { get; private set; } = null!;

    public CliOutput Extended { get; private set; } = null!;

    public EventRow Edited { get; private set; } = null!;

    public CliOutput Tampered { get; private set; } = null!;

    public CliOutput TamperedAsJson { get; private set; } = null!;

    public CliOutput TamperedNegotiation { get; private set; } = null!;

    public CliOutput TamperedAgainstTheFile { get; private set; } = null!;

    public CliOutput UnknownNegotiation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        var scenario = await new Scenario(Ledger.Grains).OpenAsync();
        NegotiationId = scenario.NegotiationId;
        var party = await scenario.RegisterAsync("iraq");
        for (var i = 1; i <= 3; i++)
        {
            (await scenario.Party(party).Execute(scenario.Statement(party, $"s{i}", $"Statement {i}"), scenario.Recording)).ShouldBeAccepted();
        }

        Clean = await RunAsync("verify");
        Export = await RunAsync("checkpoint", "export", "--out", CheckpointPath);
        (await scenario.Party(party).Execute(scenario.Statement(party, "s4", "Statement 4"), scenario.Recording)).ShouldBeAccepted();
        Extended = await RunAsync("verify", "--checkpoint", CheckpointPath);

        var database = new BehindTheLedgersBack(Ledger.ConnectionString);
        Edited = (await database.RowsAsync(Streams.Party(party))).First(r => r.Type == "statement_made");
        await database.ExecuteAsync(
            new Dictionary<string, object> { ["seq"] = Edited.Sequence },
            $"update {BehindTheLedgersBack.Events} set data = jsonb_set(data, '{{text}}', '\"We never said this.\"') where seq_id = @seq");
        Tampered = await RunAsync("verify");
        TamperedAsJson = await RunAsync("verify", "--format", "json");
        TamperedNegotiation = await RunAsync("verify", NegotiationId);
        TamperedAgainstTheFile = await RunAsync("verify", "--checkpoint", CheckpointPath, "--format", "json");
        UnknownNegotiation = await RunAsync("verify", "no-such-talks");
    }

    public async Task DisposeAsync()
    {
        File.Delete(CheckpointPath);
        await Ledger.DisposeAsync();
    }

    private Task<CliOutput> RunAsync(params string[] args) => CliProcess.RunAsync(Ledger.ConnectionString, args);
}
