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

    [Fact]
    public async Task csv_without_a_folder_is_refused_with_a_message_and_exit_code_2()
    {
        var result = await RunAsync("report", "us-iraq-withdrawal", "--format", "csv");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--format csv writes one file per table: pass --out FOLDER");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unknown_negotiation_is_reported_with_exit_code_3()
    {
        var result = await RunAsync("report", "no-such-talks", "--format", "html");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("negotiation no-such-talks is not in the ledger");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unknown_format_is_refused()
    {
        var result = await RunAsync("report", "us-iraq-withdrawal", "--format", "pdf");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("pdf");
    }
}
