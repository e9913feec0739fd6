using System.Text.Json;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed class when_a_negotiation_has_nothing_recorded_yet(ReportFixture fixture) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("report-empty-");

    private NegotiationReport Empty => fixture.Report with
    {
        State = fixture.Report.State with { Parties = [], Issues = [], Positions = [], Proposals = [], Agreements = [], Sources = [] },
        Positions = [],
        Proposals = [],
        Agreements = [],
        Statements = [],
        Timeline = [],
        PositionHistories = [],
        Sources = [],
    };

    [Fact]
    public void the_brief_says_so_in_every_section()
    {
        var markdown = MarkdownReport.Render(Empty);
        markdown.ShouldContain("_No proposal has been tabled._");
        markdown.ShouldContain("_No agreement has been reached._");
        markdown.ShouldContain("_No statements._");
        markdown.ShouldContain("_Nothing recorded yet._");

        var page = HtmlReport.Render(Empty);
        page.ShouldContain("No proposal has been tabled.");
        page.ShouldContain("No dated events to chart yet.");
        foreach (var id in new[] { "parties", "positions", "proposals", "agreements", "statements", "timeline" })
        {
            page.ShouldContain($"<section id=\"{id}\">");
        }
    }

    [Fact]
    public void the_data_exports_are_empty_but_well_formed()
    {
        using var json = JsonDocument.Parse(JsonReport.Render(Empty));
        json.RootElement.GetProperty("statements").GetArrayLength().ShouldBe(0);

        foreach (var path in CsvReport.Write(Empty, folder.FullName))
        {
            File.ReadAllLines(path).Length.ShouldBe(1, $"{Path.GetFileName(path)} has only its header");
        }
    }

    public void Dispose() => folder.Delete(recursive: true);
}
