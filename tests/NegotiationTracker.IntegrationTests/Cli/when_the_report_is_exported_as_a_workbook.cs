using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Reports;
using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

/// <summary>
/// The Iran (JCPOA) seed, whose statements are dated to the day, the month and the year, imported with the real program;
/// its report written once as a workbook and once as CSV files, to be read back and set side by side.
/// </summary>
public sealed class WorkbookOfTheImportedSeed : IAsyncLifetime
{
    public const string Negotiation = "iran-nuclear-jcpoa";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("report-xlsx-");

    public string ConnectionString { get; private set; } = "";

    public CliOutput Written { get; private set; } = null!;

    public string Path { get; private set; } = "";

    /// <summary>The workbook read back with the Open XML SDK.</summary>
    public IReadOnlyList<WorkbookSheet> Sheets { get; private set; } = [];

    /// <summary>Each CSV file of the same report, by table.</summary>
    public Dictionary<string, (IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, string>> Rows)> Csv { get; private set; } = [];

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        var imported = await CliProcess.RunAsync(ConnectionString, "import", System.IO.Path.Combine(Paths.Repository, "seeds", "iran-nuclear-jcpoa.yaml"));
        imported.ExitCode.ShouldBe(0, imported.ToString());

        Path = System.IO.Path.Combine(folder.FullName, "brief.xlsx");
        Written = await CliProcess.RunAsync(ConnectionString, "report", Negotiation, "--format", "xlsx", "--out", Path);
        Written.ExitCode.ShouldBe(0, Written.ToString());
        Sheets = Workbook.Read(Path);

        var csv = System.IO.Path.Combine(folder.FullName, "csv");
        var files = await CliProcess.RunAsync(ConnectionString, "report", Negotiation, "--format", "csv", "--out", csv);
        files.ExitCode.ShouldBe(0, files.ToString());
        Csv = CsvReport.Tables.ToDictionary(table => table, table => ReadCsv(File.ReadAllText(System.IO.Path.Combine(csv, table + ".csv"))));
    }

    public Task DisposeAsync()
    {
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class when_the_report_is_exported_as_a_workbook(WorkbookOfTheImportedSeed seed) : IClassFixture<WorkbookOfTheImportedSeed>
{
    private IReadOnlyList<Dictionary<string, WorkbookCell>> Statements => seed.Sheets.Single(s => s.Name == "statements").Records;

    [Fact]
    public void it_is_written_to_the_file_named()
    {
        seed.Written.Out.Trim().ShouldBe($"Wrote {seed.Path}");
    }

    [Fact]
    public void it_has_a_sheet_per_csv_table_named_after_it()
    {
        seed.Sheets.Select(s => s.Name).ShouldBe(CsvReport.Tables);
    }

    [Fact]
    public void each_sheet_has_the_header_and_the_row_count_of_its_csv_file()
    {
        foreach (var sheet in seed.Sheets)
        {
            sheet.Header.ShouldBe(seed.Csv[sheet.Name].Header, sheet.Name);
            sheet.Records.Count.ShouldBe(seed.Csv[sheet.Name].Rows.Count, sheet.Name);
        }

        Statements.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void every_sheet_freezes_its_header_row()
    {
        seed.Sheets.ShouldAllBe(sheet => sheet.HeaderFrozen);
    }

    [Fact]
    public void a_statement_said_on_a_day_is_a_date_and_one_said_in_a_month_or_a_year_is_text()
    {
        var written = seed.Csv["statements"].Rows.ToDictionary(r => r["id"], r => r["said"]);
        var said = Statements.Select(r => (Id: r["id"].Value, Cell: r["said"])).ToList();

        said.ShouldContain(s => s.Cell.Kind == CellKind.Date);
        said.ShouldContain(s => s.Cell.Kind == CellKind.Text);
        foreach (var (id, cell) in said)
        {
            // "2015-07-14" is a day; "2015-07" and "2015" are a month and a year. The seed dates no statement to the second.
            cell.Kind.ShouldBe(written[id].Length == 10 ? CellKind.Date : CellKind.Text, id);
            cell.Value.ShouldBe(written[id], id);
        }
    }

    [Fact]
    public void counts_are_numbers_flags_are_booleans_and_instants_are_dates()
    {
        Statements.ShouldAllBe(r => r["sequence"].Kind == CellKind.Number && r["denied"].Kind == CellKind.Boolean && r["recordedAt"].Kind == CellKind.Date);
        Statements.Select(r => r["sequence"].Value).ShouldBe(seed.Csv["statements"].Rows.Select(r => r["sequence"]));
        Statements.Select(r => r["denied"].Value).ShouldBe(seed.Csv["statements"].Rows.Select(r => r["denied"]));
    }

    [Fact]
    public void text_is_the_csv_files_text()
    {
        Statements.Select(r => r["text"]).ShouldAllBe(c => c.Kind == CellKind.Text);
        Statements.Select(r => r["text"].Value).ShouldBe(seed.Csv["statements"].Rows.Select(r => r["text"]));
    }

    [Fact]
    public async Task without_a_file_it_is_refused_before_the_ledger_is_opened()
    {
        // A database nothing listens on: the refusal comes before any attempt to reach it.
        var result = await CliProcess.RunAsync("Host=127.0.0.1;Port=1;Database=none;Timeout=1", "report", WorkbookOfTheImportedSeed.Negotiation, "--format", "xlsx");

        result.ShouldBeARefusal("--format xlsx writes a workbook, not text: pass --out FILE.xlsx", exitCode: 2);
    }
}
