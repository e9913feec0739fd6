using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>A ledger with the U.S.–Iraq seed file imported once, through the grains.</summary>
public sealed class SeedImportedFixture : IAsyncLifetime
{
    public LedgerFixture Ledger { get; } = new();

    public SeedFile Seed { get; private set; } = null!;

    public ImportResult FirstImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        Seed = SeedFileReader.Read(Paths.Seed);
        FirstImport = await Ledger.Import.ImportAsync(Seed, new Recording("analyst-a", "seed-import-1"));
    }

    public Task DisposeAsync() => Ledger.DisposeAsync();
}
