using System.CommandLine;
using System.Globalization;

namespace NegotiationTracker.Benchmarks;

/// <summary>
/// What one run measures and at which sizes. Every size is the issue's default times <see cref="Scale"/>, with a floor so a
/// smoke run at a tiny scale still measures something in every case.
/// </summary>
public sealed record BenchmarkOptions(
    IReadOnlySet<int> Cases,
    double Scale,
    int Repeat,
    string? Out,
    string? Db,
    string? DataDirectory,
    TimeSpan? Round,
    TimeSpan ImportLimit)
{
    public static readonly IReadOnlyList<int> AllCases = [1, 2, 3, 4, 5, 6];

    /// <summary>Concurrent parties in the recording case; 256 is the no-collapse check. Concurrency is not a size: never scaled.</summary>
    public static readonly IReadOnlyList<int> RecordingParties = [1, 16, 64, 256];

    /// <summary>How long each variant records per repetition: 10 s at full scale.</summary>
    public TimeSpan RecordingRound => Round ?? TimeSpan.FromSeconds(Math.Max(0.5, 10 * Scale));

    public int ImportStatements => Sized(100_000, 100);

    public const int ImportParties = 50;

    public int LedgerStatements => Sized(1_000_000, 1_000);

    /// <summary>Statements per negotiation in the generated ledger: 100 negotiations at full scale.</summary>
    public int StatementsPerNegotiation => Sized(10_000, 100);

    /// <summary>Parties the generated ledger's negotiations draw their 50 members from: about 2,000 statements per party stream at any scale.</summary>
    public int PartyPool => Sized(500, 50);

    public const int MembersPerNegotiation = 50;

    public int QueriesPerRun => Sized(200, 20);

    public int ReplayEvents => Sized(100_000, 100);

    public int ActiveGrains => Sized(10_000, 1_000);

    private int Sized(int full, int floor) => Math.Max(floor, (int)Math.Round(full * Scale));

    public static readonly Option<string> CasesOption = new("--cases")
    {
        Description = "Which cases to run, comma-separated: 1 recording, 2 import, 3 projection rebuild, 4 queries, 5 replay, 6 memory",
        DefaultValueFactory = _ => string.Join(',', AllCases),
    };

    public static readonly Option<double> ScaleOption = new("--scale")
    {
        Description = "Factor applied to every default size (0.001 for a smoke run, 0.1 for a run of a few minutes)",
        DefaultValueFactory = _ => 1.0,
    };

    public static readonly Option<int> RepeatOption = new("--repeat")
    {
        Description = "Repetitions of each case; the variants of a case alternate within each",
        DefaultValueFactory = _ => 3,
    };

    public static readonly Option<string?> OutOption = new("--out") { Description = "Write the figures to this JSON file as well" };

    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = "Npgsql connection string of the database to measure against (default: the program's private cluster, database negotiation_bench). The run drops and recreates the schemas named bench_* in it",
    };

    public static readonly Option<string?> DataDirectoryOption = new("--data-dir")
    {
        Description = "Folder of the private PostgreSQL cluster (default: $NEGOTIATION_TRACKER_HOME/pg, else ./.negotiation-tracker/pg, as the program)",
    };

    public static readonly Option<double?> RoundOption = new("--round-seconds")
    {
        Description = "Seconds each recording variant runs per repetition (default 10 × scale, at least 0.5)",
    };

    public static readonly Option<double> ImportLimitOption = new("--import-limit-seconds")
    {
        Description = "Stop the product's import of one repetition after this many seconds and report its rate over what it imported, marked partial (default 600)",
        DefaultValueFactory = _ => 600,
    };

    public static IEnumerable<Option> All => [CasesOption, ScaleOption, RepeatOption, OutOption, DbOption, DataDirectoryOption, RoundOption, ImportLimitOption];

    public static BenchmarkOptions From(ParseResult result)
    {
        var cases = result.GetValue(CasesOption)!
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && AllCases.Contains(n)
                ? n
                : throw new ArgumentException($"--cases: '{c}' is not one of {string.Join(", ", AllCases)}"))
            .ToHashSet();
        var scale = result.GetValue(ScaleOption);
        if (scale <= 0 || double.IsNaN(scale))
        {
            throw new ArgumentException("--scale must be above 0");
        }

        var repeat = result.GetValue(RepeatOption);
        if (repeat < 1)
        {
            throw new ArgumentException("--repeat must be at least 1");
        }

        var round = result.GetValue(RoundOption);
        if (round is <= 0)
        {
            throw new ArgumentException("--round-seconds must be above 0");
        }

        var importLimit = result.GetValue(ImportLimitOption);
        if (importLimit <= 0)
        {
            throw new ArgumentException("--import-limit-seconds must be above 0");
        }

        return new BenchmarkOptions(
            cases,
            scale,
            repeat,
            result.GetValue(OutOption),
            result.GetValue(DbOption),
            result.GetValue(DataDirectoryOption),
            round is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            TimeSpan.FromSeconds(importLimit));
    }
}
