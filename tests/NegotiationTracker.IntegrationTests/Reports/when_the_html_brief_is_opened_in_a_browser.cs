using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed class when_the_html_brief_is_opened_in_a_browser(ReportFixture fixture) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("report-browser-");

    private async Task<string> WritePageAsync()
    {
        var path = Path.Combine(folder.FullName, "brief.html");
        await File.WriteAllTextAsync(path, HtmlReport.Render(Tricky.WithHostileStatement(fixture.Report)));
        return path;
    }

    [Fact]
    public async Task chromium_renders_a_screenshot_of_the_whole_brief()
    {
        var page = await WritePageAsync();
        var png = Path.Combine(folder.FullName, "brief.png");

        var result = await Chromium.RunAsync($"--screenshot={png}", "--window-size=1280,2000", $"file://{page}");

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(png).ShouldBeTrue(result.Error);
        var bytes = await File.ReadAllBytesAsync(png);
        bytes[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.Length.ShouldBeGreaterThan(10 * 1024);
    }

    [Fact]
    public async Task the_rendered_dom_has_every_section_the_chart_and_no_script()
    {
        var page = await WritePageAsync();

        var result = await Chromium.RunAsync("--dump-dom", $"file://{page}");

        result.ExitCode.ShouldBe(0, result.Error);
        var dom = result.Out;
        foreach (var id in new[] { "parties", "positions", "proposals", "agreements", "statements", "timeline", "timeline-chart" })
        {
            dom.ShouldContain($"id=\"{id}\"");
        }

        dom.ShouldContain("<svg id=\"timeline-chart\"");
        dom.ShouldContain("class=\"mark\"");

        // The hostile statement is still text after the browser parsed it: no element was made of it.
        dom.ShouldNotContain("<script", Case.Insensitive);
        dom.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    public void Dispose() => folder.Delete(recursive: true);
}
