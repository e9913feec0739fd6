using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Reports;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Reports;

/// <summary>The U.S.–Iraq seed imported through the grains once, its async views caught up, and its report loaded from them.</summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset GeneratedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly SeedImportedFixture seed = new();

    public SeedFile Seed => seed.Seed;

    public NegotiationReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await seed.InitializeAsync();
        await seed.Ledger.CatchUpAsync();
        await using var session = seed.Ledger.Store.QuerySession();
        Report = await NegotiationReport.LoadAsync(session, seed.Seed.NegotiationId, GeneratedAt)
            ?? throw new InvalidOperationException($"{seed.Seed.NegotiationId} was not imported");
    }

    public Task DisposeAsync() => seed.DisposeAsync();
}

/// <summary>One import shared by every report test class: rendering is pure, so the classes need not each import the seed.</summary>
[CollectionDefinition(Name)]
public sealed class ImportedSeedReports : ICollectionFixture<ReportFixture>
{
    public const string Name = "reports of the imported seed";
}
