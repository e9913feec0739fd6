using System.Globalization;
using CsvHelper;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Reports;

/// <summary>A database the real CLI loaded with `demo`, and a scratch folder for the files `report` writes.</summary>
public sealed class DemoLoadedFixture : IAsyncLifetime
{
    public int Statements { get; } = SeedFileReader.Read(Paths.Seed).Events.Count(e => e.Command is MakeStatement);

    public string ConnectionString { get; private set; } = "";

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("report-cli-");

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        var demo = await CliProcess.RunAsync(ConnectionString, "demo");
        demo.ExitCode.ShouldBe(0, demo.Error);
    }

    public Task DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class when_a_report_is_asked_for_on_the_command_line(DemoLoadedFixture demo) : IClassFixture<DemoLoadedFixture>
{
    private Task<CliOutput> RunAsync(params string[] args) => CliProcess.RunAsync(demo.ConnectionString, args);

    [Fact]
    public async Task the_html_brief_is_written_to_the_file_named()
    {
        var path = Path.Combine(demo.Folder.FullName, "html", "brief.html");

        var result = await RunAsync("report", "us-iraq-withdrawal", "--format", "html", "--out", path);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.Trim().ShouldBe($"Wrote {path}");
        var page = await File.ReadAllTextAsync(path);
        page.ShouldStartWith("<!DOCTYPE html>");
        page.ShouldContain("<svg id=\"timeline-chart\"");
        page.ShouldContain("Republic of Iraq");
    }

    [Fact]
    public async Task the_markdown_brief_goes_to_standard_output_with_the_async_views_caught_up()
    {
        var result = await RunAsync("report", "us-iraq-withdrawal", "--latest", "2");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldStartWith("# U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq");
        result.Out.ShouldContain("| Republic of Iraq | **opposes** | 2024-09 | sudani-us-forces-unnecessary |");
        result.Out.ShouldContain($"## Latest statements (2 of {demo.Statements}, newest first)");
        result.Out.ShouldContain("Answered accept to proposal");
    }

    [Fact]
    public async Task csv_writes_its_five_files_into_the_folder_named()
    {
        var folder = Path.Combine(demo.Folder.FullName, "csv");

        var result = await RunAsync("report", "us-iraq-withdrawal", "--format", "csv", "--out", folder);

        result.ExitCode.ShouldBe(0, result.Error);
        Directory.GetFiles(folder).Select(Path.GetFileName).ShouldBe(["agreements.csv", "positions.csv", "proposals.csv", "statements.csv", "timeline.csv"], ignoreOrder: true);
        using var csv = new CsvReader(new StreamReader(Path.Combine(folder, "statements.csv")), CultureInfo.InvariantCulture);
        csv.GetRecords<dynamic>().Count().ShouldBe(demo.Statements);
    }

    /// <summary>Exit 2 for csv without a folder, 3 for a negotiation not in the ledger; null where the parser refuses the command line.</summary>
    [Theory]
    [InlineData(2, "--format csv writes one file per table: pass --out FOLDER", "us-iraq-withdrawal", "--format", "csv")]
    [InlineData(3, "negotiation no-such-talks is not in the ledger", "no-such-talks", "--format", "html")]
    [InlineData(null, "pdf", "us-iraq-withdrawal", "--format", "pdf")]
    public async Task what_it_cannot_write_is_refused_with_a_message_on_stderr(int? exitCode, string message, params string[] args) =>
        (await RunAsync(["report", .. args])).ShouldBeARefusal(message, exitCode);
}
