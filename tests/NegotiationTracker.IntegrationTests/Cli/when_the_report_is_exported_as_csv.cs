using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_the_report_is_exported_as_csv(CorrectedLedgerOnTheCommandLine ledger) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("report-csv-");

    private async Task<string> FileAsync(string name)
    {
        var report = await ledger.RunAsync("report", Negotiation, "--format", "csv", "--out", folder.FullName);
        report.ExitCode.ShouldBe(0, report.ToString());
        return await File.ReadAllTextAsync(Path.Combine(folder.FullName, name));
    }

    [Fact]
    public async Task the_statements_file_has_the_columns_of_the_statement_log()
    {
        var statements = await ledger.RunAsync("statements", Negotiation, "--format", "csv");

        ReadCsv(await FileAsync("statements.csv")).Header.ShouldBe(ReadCsv(statements.Out).Header);
    }

    [Fact]
    public async Task a_denied_statement_is_marked_denied_in_the_statements_file()
    {
        var rows = ReadCsv(await FileAsync("statements.csv")).Rows;

        var denied = rows.Single(r => r["id"] == "us-troop-level");
        denied["denied"].ShouldBe("True");
        denied["status"].ShouldBe("standing");
        rows.Single(r => r["id"] == "sudani-us-forces-unnecessary")["credibility"].ShouldBe("2");
    }

    [Fact]
    public async Task an_entry_without_an_actor_has_an_empty_who_cell_in_the_timeline_file()
    {
        var timeline = await FileAsync("timeline.csv");

        ReadCsv(timeline).Rows.First(r => r["kind"] == "opened")["who"].ShouldBe("");
    }

    [Fact]
    public async Task no_file_writes_a_dash_for_an_empty_cell()
    {
        await FileAsync("timeline.csv");

        foreach (var file in folder.GetFiles("*.csv"))
        {
            (await File.ReadAllTextAsync(file.FullName)).ShouldNotContain("—", customMessage: file.Name);
        }
    }

    public void Dispose() => folder.Delete(recursive: true);
}
