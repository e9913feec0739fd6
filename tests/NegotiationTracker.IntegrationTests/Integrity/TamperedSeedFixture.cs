using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>
/// The U.S.–Iraq seed imported through the grains into a database of its own, verified clean, damaged the way
/// <typeparamref name="TTampering"/> says, then verified again.
/// </summary>
public sealed class TamperedSeedFixture<TTampering> : IAsyncLifetime
    where TTampering : ITampering
{
    public SeedImportedFixture Seed { get; } = new();

    public LedgerFixture Ledger => Seed.Ledger;

    public BehindTheLedgersBack Database => new(Ledger.ConnectionString);

    public VerificationReport Before { get; private set; } = null!;

    public IReadOnlyList<EventRow> Damaged { get; private set; } = [];

    public VerificationReport After { get; private set; } = null!;

    public LedgerVerifier Verifier => new(Ledger.Store);

    public async Task InitializeAsync()
    {
        await Seed.InitializeAsync();
        Before = await Verifier.VerifyAsync();
        Damaged = await TTampering.TamperAsync(Database);
        After = await Verifier.VerifyAsync();
    }

    public Task DisposeAsync() => Seed.DisposeAsync();
}
