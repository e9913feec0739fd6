using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>
/// The seed imported, a checkpoint exported to a file, more events appended through the grains, verified against the file;
/// then an event the checkpoint covers changed and resealed by someone who knows how seals are made, and verified again.
/// </summary>
public sealed class CheckpointedSeedFixture : IAsyncLifetime
{
    public SeedImportedFixture Seed { get; } = new();

    public LedgerFixture Ledger => Seed.Ledger;

    public LogCheckpointed Exported { get; private set; } = null!;

    public VerificationReport Extended { get; private set; } = null!;

    public EventRow Resealed { get; private set; } = null!;

    public VerificationReport AfterResealing { get; private set; } = null!;

    public VerificationReport AfterResealingWithTheFile { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Seed.InitializeAsync();
        var file = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        var (checkpoint, _) = await new LedgerCheckpoints(Ledger.Store).CreateAsync("tester", "checkpoint-1");
        await File.WriteAllTextAsync(file, CheckpointFile.ToJson(checkpoint));
        Exported = CheckpointFile.Parse(await File.ReadAllTextAsync(file));
        File.Delete(file);

        var scenario = await new Scenario(Ledger.Grains).OpenAsync();
        var party = await scenario.RegisterAsync("latecomer");
        (await scenario.Party(party).Execute(scenario.Statement(party, "s1"), scenario.Recording)).ShouldBeAccepted();
        var verifier = new LedgerVerifier(Ledger.Store);
        Extended = await verifier.VerifyAsync(checkpoint: Exported);

        Resealed = await ChangeAndResealAsync("party/us");
        AfterResealing = await verifier.VerifyAsync();
        AfterResealingWithTheFile = await verifier.VerifyAsync(checkpoint: Exported);
    }

    public Task DisposeAsync() => Seed.DisposeAsync();

    /// <summary>Edits a statement's text, then recomputes its seal and the seals after it, as a forger who read the code would.</summary>
    private async Task<EventRow> ChangeAndResealAsync(string stream)
    {
        var database = new BehindTheLedgersBack(Ledger.ConnectionString);
        var target = (await database.RowsAsync(stream)).First(r => r.Type == "statement_made");
        await database.ExecuteAsync(
            new Dictionary<string, object> { ["seq"] = target.Sequence },
            $"update {BehindTheLedgersBack.Events} set data = jsonb_set(data, '{{text}}', '\"We never said this.\"') where seq_id = @seq");

        await using var session = Ledger.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(stream);
        var previous = EventSeal.Of(events.Single(e => e.Version == target.Version - 1))!.Hash;
        foreach (var e in events.Where(e => e.Version >= target.Version))
        {
            var hash = Convert.ToHexStringLower(SealedContent.Of(e).Hash(Convert.FromHexString(previous), e.Version));
            await database.ExecuteAsync(
                new Dictionary<string, object> { ["seq"] = e.Sequence, ["seal"] = hash, ["previous"] = previous },
                $"update {BehindTheLedgersBack.Events} set headers = jsonb_build_object('{EventSeal.HashHeader}', @seal::text, '{EventSeal.PreviousHeader}', @previous::text) where seq_id = @seq");
            previous = hash;
        }

        return target;
    }
}
