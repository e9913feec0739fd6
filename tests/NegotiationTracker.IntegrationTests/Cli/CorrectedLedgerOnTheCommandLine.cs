using System.Globalization;
using CsvHelper;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Cli;

/// <summary>
/// The U.S.–Iraq seed imported with the real program, then a file with every kind of correction (a denial, a retraction,
/// an amendment, a voided duplicate among them) recorded after it; one database for every class in the collection.
/// </summary>
public sealed class CorrectedLedgerOnTheCommandLine : IAsyncLifetime
{
    public const string Name = "a corrected ledger on the command line";

    public const string Negotiation = "us-iraq-withdrawal";

    private const string Corrections = """
        negotiation: {id: us-iraq-withdrawal, title: "U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq", opened: "2024", issues: []}
        sources:
          - {id: later-report, title: "A later report of the talks", outlet: "The New York Times", published: "2024-10"}
        parties: []
        events:
          - report: {statement: sudani-us-forces-unnecessary, by: iraq, source: later-report, attribution: paraphrase, text: "Al-Sudani told officials U.S. combat forces were no longer needed.", via: "unnamed Iraqi officials", said: "2024-09"}
          - correction: {statement: sudani-us-forces-unnecessary, by: iraq, source: later-report, text: "An earlier version misstated the date.", said: "2024-10"}
          - clarification: {statement: sudani-us-forces-unnecessary, by: iraq, text: "He meant combat forces; advisers may stay.", said: "2024-10"}
          - grade: {statement: sudani-us-forces-unnecessary, by: iraq, credibility: 2, reason: "Reported by two independent outlets."}
          - grade: {source: later-report, reliability: B, reason: "Usually reliable on Iraq."}
          - denial: {statement: us-troop-level, by: us, reason: "The Pentagon says the figure was misquoted.", said: "2024-10"}
          - retraction: {statement: rubin-against-withdrawal, by: rubin, reason: "The remarks were about a faster withdrawal.", said: "2024-10"}
          - amendment: {statement: factions-press-for-withdrawal, by: iran-aligned-factions, field: kind, from: demand, to: claim, reason: "Coded as a demand in error."}
          - statement: {id: sudani-twice, by: iraq, "on": [us-troop-presence], kind: position, stance: opposes, text: "U.S. forces are no longer necessary.", attribution: paraphrase, said: "2024-09", source: later-report}
          - duplicate: {statement: sudani-twice, by: iraq, of: sudani-us-forces-unnecessary, reason: "The same remark, recorded twice."}
          - duplicate: {statement: sudani-twice, by: iraq, of: sudani-us-forces-unnecessary, linked: false, reason: "Two remarks after all."}
          - void: {statement: sudani-twice, by: iraq, reason: "Entered in error."}
        """;

    public string ConnectionString { get; private set; } = "";

    public DateTimeOffset BeforeCorrections { get; private set; }

    public DateTimeOffset AfterCorrections { get; private set; }

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        var seeded = await RunAsync("import", Paths.Seed);
        seeded.ExitCode.ShouldBe(0, seeded.ToString());
        BeforeCorrections = DateTimeOffset.UtcNow;
        var file = Path.Combine(Path.GetTempPath(), $"every-correction-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, Corrections);
        try
        {
            var corrected = await RunAsync("import", file);
            corrected.ExitCode.ShouldBe(0, corrected.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        AfterCorrections = DateTimeOffset.UtcNow;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public Task<CliOutput> RunAsync(params string[] args) => CliProcess.RunAsync(ConnectionString, args);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");

    /// <summary>A CSV text read back with a CSV reader: its header, and each row by column name.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, string>> Rows) ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue("no header row");
        csv.ReadHeader();
        var header = csv.HeaderRecord!.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return (header, rows);
    }
}

[CollectionDefinition(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class CorrectedLedgerCollection : ICollectionFixture<CorrectedLedgerOnTheCommandLine>;
