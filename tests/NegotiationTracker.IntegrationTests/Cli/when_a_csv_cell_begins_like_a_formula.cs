using NegotiationTracker.IntegrationTests.Fixtures;
using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

/// <summary>
/// Statement texts and party names a spreadsheet would run as formulas (OWASP's CSV injection characters), imported with
/// the real program and written back out through every CSV the command line makes of statements.
/// </summary>
public sealed class when_a_csv_cell_begins_like_a_formula(when_a_csv_cell_begins_like_a_formula.FormulaLedger ledger)
    : IClassFixture<when_a_csv_cell_begins_like_a_formula.FormulaLedger>, IDisposable
{
    /// <summary>A party's name is one line, so it cannot start with a tab or a carriage return; a statement's text can.</summary>
    private static readonly string[] Names = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(1)"];

    private static readonly string[] Texts = [.. Names, "\tTab first", "\rCarriage return first"];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("formula-csv-");

    [Fact]
    public async Task the_statement_log_prefixes_each_such_text_with_a_quote()
    {
        var rows = await StatementLogAsync();

        Texts.Select(t => rows.Single(r => r["id"] == Id(t))["text"]).ShouldBe(Texts.Select(t => "'" + t));
    }

    [Fact]
    public async Task the_statement_log_prefixes_each_such_party_name_with_a_quote()
    {
        var rows = await StatementLogAsync();

        Names.Select(n => rows.First(r => r["party"] == Party(n))["partyName"]).ShouldBe(Names.Select(n => "'" + n));
    }

    [Fact]
    public async Task the_reports_statements_file_prefixes_each_such_text_with_a_quote()
    {
        var report = await ledger.RunAsync("report", FormulaLedger.Negotiation, "--format", "csv", "--out", folder.FullName);
        report.ExitCode.ShouldBe(0, report.ToString());

        var rows = ReadCsv(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "statements.csv"))).Rows;

        Texts.Select(t => rows.Single(r => r["id"] == Id(t))["text"]).ShouldBe(Texts.Select(t => "'" + t));
    }

    [Fact]
    public async Task plain_text_and_numbers_are_written_as_they_are()
    {
        var plain = (await StatementLogAsync()).Single(r => r["id"] == "plain");

        plain["text"].ShouldBe("Plain words.");
        plain["partyName"].ShouldBe("Plain Party");
        long.Parse(plain["sequence"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    private async Task<IReadOnlyList<Dictionary<string, string>>> StatementLogAsync()
    {
        var statements = await ledger.RunAsync("statements", FormulaLedger.Negotiation, "--format", "csv");
        statements.ExitCode.ShouldBe(0, statements.ToString());
        return ReadCsv(statements.Out).Rows;
    }

    private static string Id(string text) => $"s{Array.IndexOf(Texts, text)}";

    private static string Party(string name) => $"p{Array.IndexOf(Names, name)}";

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>A negotiation whose parties and statements are those values, imported from a seed file with the real program.</summary>
    public sealed class FormulaLedger : IAsyncLifetime
    {
        public const string Negotiation = "formula-talks";

        private string connectionString = "";

        public async Task InitializeAsync()
        {
            connectionString = await TestDatabase.CreateAsync();
            var file = Path.Combine(Path.GetTempPath(), $"formulas-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(file, Seed());
            try
            {
                var imported = await RunAsync("import", file);
                imported.ExitCode.ShouldBe(0, imported.ToString());
            }
            finally
            {
                File.Delete(file);
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public Task<CliOutput> RunAsync(params string[] args) => CliProcess.RunAsync(connectionString, args);

        private static string Seed()
        {
            var parties = Names.Select(n => $"  - {{id: {Party(n)}, name: {Quoted(n)}, kind: state, role: principal}}")
                .Append("  - {id: plain, name: \"Plain Party\", kind: state, role: principal}");
            var statements = Texts.Select(t => Statement(Id(t), Party(Names.Contains(t) ? t : Names[0]), t))
                .Append(Statement("plain", "plain", "Plain words."));
            return $$"""
                negotiation: {id: {{Negotiation}}, title: "Formula talks", opened: "2024-09", issues: [{id: ceasefire, title: "Ceasefire"}]}
                sources: []
                parties:
                {{string.Join("\n", parties)}}
                events:
                {{string.Join("\n", statements)}}
                """;
        }

        private static string Statement(string id, string by, string text) =>
            $"  - statement: {{id: {id}, by: {by}, \"on\": [ceasefire], kind: position, stance: supports, text: {Quoted(text)}, attribution: paraphrase, said: \"2024-09\"}}";

        /// <summary>A YAML double-quoted scalar: backslash, quote, tab and carriage return escaped.</summary>
        private static string Quoted(string value) =>
            "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t").Replace("\r", "\\r") + "\"";
    }
}
