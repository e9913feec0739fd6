using System.Text.Json;
using NegotiationTracker.Server.Tests.Fixtures;
using static NegotiationTracker.Server.Tests.Cli.ServedLedgerFixture;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary>
/// Every command that reads, run with <c>--server URL --api-key KEY</c> and with <c>--db</c> on the server's own database:
/// the same bytes on stdout and stderr, and the same exit code.
/// </summary>
public sealed class when_the_cli_talks_to_a_server(ServedLedgerFixture ledger) : IClassFixture<ServedLedgerFixture>
{
    [Theory]
    [InlineData("state us-iraq-withdrawal")]
    [InlineData("state iran-nuclear-jcpoa --format json")]
    [InlineData("state iran-nuclear-jcpoa --as-of 2015-07")]
    [InlineData("state iran-nuclear-jcpoa --as-of 2015-07-14 --format json")]
    [InlineData("statements us-iraq-withdrawal")]
    [InlineData("statements us-iraq-withdrawal --include-retracted --format json")]
    [InlineData("statements iran-nuclear-jcpoa --format csv")]
    [InlineData("statements iran-nuclear-jcpoa --party iran --speaker zarif --issue nuclear-deal --from 2014 --to 2016-06 --format json")]
    [InlineData("timeline us-iraq-withdrawal")]
    [InlineData("timeline iran-nuclear-jcpoa --format json")]
    [InlineData("timeline iran-nuclear-jcpoa --format csv")]
    [InlineData("history us-iraq-withdrawal")]
    [InlineData("history us-iraq-withdrawal --format json")]
    [InlineData("history us-iraq-withdrawal --format csv")]
    [InlineData("diff iran-nuclear-jcpoa --as-of 2014 --as-of 2016")]
    [InlineData("diff iran-nuclear-jcpoa --as-of 2014 --as-of 2016 --format json")]
    [InlineData("audit us-iraq-withdrawal")]
    [InlineData("audit us-iraq-withdrawal --format json")]
    [InlineData("audit iran-nuclear-jcpoa --party iran --from 2015 --format csv")]
    [InlineData("audit statement sudani-us-forces-unnecessary")]
    [InlineData("audit statement us-iraq-withdrawal/sudani-us-forces-unnecessary --format json")]
    [InlineData("audit statement rubin-against-withdrawal --negotiation us-iraq-withdrawal")]
    [InlineData("dossier iraq")]
    [InlineData("dossier iran --limit 5 --format json")]
    [InlineData("dossier iran --limit 5 --format csv")]
    [InlineData("verify")]
    [InlineData("verify us-iraq-withdrawal --format json")]
    public async Task the_output_is_the_databases(string command)
    {
        var (served, read) = await ledger.BothAsync(command.Split(' '));

        read.ExitCode.ShouldBe(0, read.ToString());
        served.ShouldBeTheSameAs(read);
    }

    [Theory]
    [InlineData("state nowhere-talks")]
    [InlineData("statements nowhere-talks --format json")]
    [InlineData("timeline nowhere-talks")]
    [InlineData("history nowhere-talks")]
    [InlineData("diff nowhere-talks --as-of 2014 --as-of 2016")]
    [InlineData("audit nowhere-talks")]
    [InlineData("audit statement no-such-statement")]
    [InlineData("audit statement no-such-statement --negotiation us-iraq-withdrawal")]
    [InlineData("dossier nobody")]
    [InlineData("report nowhere-talks")]
    [InlineData("verify nowhere-talks")]
    [InlineData("state iran-nuclear-jcpoa --as-of 2012")]
    public async Task what_is_not_in_the_ledger_is_not_found_as_in_the_database(string command)
    {
        var (served, read) = await ledger.BothAsync(command.Split(' '));

        read.ExitCode.ShouldBe(3, read.ToString());
        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task a_state_replayed_to_a_moment_of_recording_is_the_databases()
    {
        var (served, read) = await ledger.BothAsync("state", Iraq, "--known-at", Instant(ledger.BeforeCorrections), "--format", "json");

        read.ExitCode.ShouldBe(0, read.ToString());
        served.ShouldBeTheSameAs(read);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task a_diff_of_the_corrections_is_the_databases(string format)
    {
        var (served, read) = await ledger.BothAsync("diff", Iraq, "--known-at", Instant(ledger.BeforeCorrections), "--known-at", Instant(ledger.AfterCorrections), "--format", format);

        read.Out.ShouldContain("retract", Case.Insensitive);
        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task an_audit_of_what_one_recorder_recorded_is_the_databases()
    {
        var (served, read) = await ledger.BothAsync("audit", Iraq, "--recorded-by", Recorder, "--format", "json");

        JsonDocument.Parse(read.Out).RootElement.GetArrayLength().ShouldBeGreaterThan(0);
        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task what_it_imports_is_recorded_by_the_keys_holder()
    {
        var served = await ledger.ThroughServerAsync("statements", Iran, "--format", "json");

        var recorders = JsonDocument.Parse(served.Out).RootElement.EnumerateArray().Select(s => s.GetProperty("recordedBy").GetString()).Distinct().ToList();
        recorders.ShouldBe([$"key:{Recorder}"]);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    public async Task a_report_differs_from_the_databases_only_in_when_it_was_generated(string format)
    {
        var (served, read) = await ledger.BothAsync("report", Iran, "--format", format, "--latest", "3");

        read.ExitCode.ShouldBe(0, read.Error);
        (served with { Out = WithoutGeneratedAt(served.Out) }).ShouldBeTheSameAs(read with { Out = WithoutGeneratedAt(read.Out) });
    }

    [Fact]
    public async Task the_csv_report_writes_the_databases_files()
    {
        var (servedFolder, readFolder) = (Path.Combine(ledger.Folder, "served-csv"), Path.Combine(ledger.Folder, "read-csv"));
        var served = await ledger.ThroughServerAsync("report", Iraq, "--format", "csv", "--out", servedFolder);
        var read = await ledger.FromDatabaseAsync("report", Iraq, "--format", "csv", "--out", readFolder);

        read.ExitCode.ShouldBe(0, read.Error);
        (served with { Out = served.Out.Replace(servedFolder, "FOLDER") }).ShouldBeTheSameAs(read with { Out = read.Out.Replace(readFolder, "FOLDER") });
        var files = Directory.GetFiles(readFolder).Select(Path.GetFileName).Order().ToList();
        files.Count.ShouldBe(5);
        Directory.GetFiles(servedFolder).Select(Path.GetFileName).Order().ShouldBe(files);
        foreach (var file in files)
        {
            (await File.ReadAllBytesAsync(Path.Combine(servedFolder, file!))).ShouldBe(await File.ReadAllBytesAsync(Path.Combine(readFolder, file!)), file);
        }
    }

    [Fact]
    public async Task the_workbook_report_holds_the_databases_cells()
    {
        // The zip entries carry the time they were written: cell by cell, not byte by byte.
        var (servedFile, readFile) = (Path.Combine(ledger.Folder, "served.xlsx"), Path.Combine(ledger.Folder, "read.xlsx"));
        var served = await ledger.ThroughServerAsync("report", Iran, "--format", "xlsx", "--out", servedFile);
        var read = await ledger.FromDatabaseAsync("report", Iran, "--format", "xlsx", "--out", readFile);

        read.ExitCode.ShouldBe(0, read.Error);
        (served with { Out = served.Out.Replace(servedFile, "FILE") }).ShouldBeTheSameAs(read with { Out = read.Out.Replace(readFile, "FILE") });
        var (servedSheets, readSheets) = (Workbook.Read(servedFile), Workbook.Read(readFile));
        servedSheets.Select(s => s.Name).ShouldBe(readSheets.Select(s => s.Name));
        foreach (var (servedSheet, readSheet) in servedSheets.Zip(readSheets))
        {
            readSheet.Rows.Count.ShouldBeGreaterThan(0, readSheet.Name);
            servedSheet.Rows.Count.ShouldBe(readSheet.Rows.Count, readSheet.Name);
            foreach (var (servedRow, readRow) in servedSheet.Rows.Zip(readSheet.Rows))
            {
                servedRow.ShouldBe(readRow, readSheet.Name);
            }
        }
    }

    [Fact]
    public async Task the_import_prints_the_summary_an_import_into_a_database_prints()
    {
        // Into a database of its own: a CLI writing to the server's database would be a second writer beside the server's grains.
        var read = await NegotiationProgram.RunAsync(["import", Paths.Seed("us-iraq-withdrawal.yaml"), "--db", await TestDatabase.CreateAsync()]);

        read.ExitCode.ShouldBe(0, read.ToString());
        ledger.IraqImport.Error.ShouldBeEmpty();
        ledger.IraqImport.Out.ShouldBe("Imported us-iraq-withdrawal: 36 events appended (36 entries checked)." + Environment.NewLine);
        // The database path draws a progress bar above the same summary.
        read.Out.ShouldEndWith(ledger.IraqImport.Out);
    }

    [Fact]
    public async Task importing_the_same_file_again_appends_nothing()
    {
        var again = await NegotiationProgram.RunAsync(["import", Paths.Seed("us-iraq-withdrawal.yaml"), "--server", ledger.Server.Address, "--api-key", ledger.RecorderKey]);

        again.ShouldBeTheSameAs(new CliOutput(0, "Imported us-iraq-withdrawal: 0 events appended (36 entries checked)." + Environment.NewLine, ""));
    }

    /// <summary>A brief says when it was generated, the one line that differs between two renderings.</summary>
    private static string WithoutGeneratedAt(string text) => string.Join('\n', text.Split('\n').Where(line => !line.Contains("generated")));
}

public static class CliOutputs
{
    public static void ShouldBeTheSameAs(this CliOutput served, CliOutput read)
    {
        served.ExitCode.ShouldBe(read.ExitCode, $"through the server:{Environment.NewLine}{served}{Environment.NewLine}from the database:{Environment.NewLine}{read}");
        served.Error.ShouldBe(read.Error);
        served.Out.ShouldBe(read.Out);
    }
}
