using System.Globalization;
using CsvHelper;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed class when_the_imported_seed_is_exported_as_csv(ReportFixture fixture) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("report-csv-");

    [Fact]
    public void it_writes_one_file_per_table_each_with_its_header_and_a_row_per_record()
    {
        var report = fixture.Report;

        var written = CsvReport.Write(report, folder.FullName);

        written.Select(Path.GetFileName).ShouldBe(["statements.csv", "positions.csv", "proposals.csv", "agreements.csv", "timeline.csv"]);
        Read("statements.csv").Header.ShouldContain("text");
        Read("statements.csv").Rows.Count.ShouldBe(report.Statements.Count);
        Read("positions.csv").Header.ShouldBe(["issue", "party", "stance", "latestEvidence", "statementId", "shifts", "shiftedFrom", "role"]);
        Read("positions.csv").Rows.Count.ShouldBe(report.Positions.Sum(i => i.Parties.Count));
        Read("proposals.csv").Header.ShouldBe(["id", "by", "title", "status", "tabled", "counters", "agreement", "answers"]);
        Read("proposals.csv").Rows.Single()["answers"].ShouldBe("iraq:accept");
        Read("agreements.csv").Header.ShouldBe(["id", "title", "proposal", "reached", "status", "parties", "signatories", "signed"]);
        Read("agreements.csv").Rows.ShouldBeEmpty();
        Read("timeline.csv").Rows.Count.ShouldBe(report.Timeline.Count);
    }

    [Fact]
    public void the_positions_file_has_al_sudanis_government_opposing_the_troop_presence()
    {
        CsvReport.Write(fixture.Report, folder.FullName);

        var iraq = Read("positions.csv").Rows.Single(r => r["issue"] == "us-troop-presence" && r["party"] == "iraq");
        iraq["stance"].ShouldBe("opposes");
        iraq["latestEvidence"].ShouldBe("2024-09");
        iraq["statementId"].ShouldBe("sudani-us-forces-unnecessary");
    }

    [Fact]
    public void a_text_with_a_comma_a_quote_and_a_line_break_reads_back_unchanged()
    {
        CsvReport.Write(Tricky.WithHostileStatement(fixture.Report), folder.FullName);

        Read("statements.csv").Rows.Single(r => r["id"] == Tricky.StatementId)["text"].ShouldBe(Tricky.Text);
    }

    [Fact]
    public void an_agreement_lists_its_parties_and_who_signed_when()
    {
        CsvReport.Write(Tricky.WithPartlySignedAgreement(fixture.Report), folder.FullName);

        var accord = Read("agreements.csv").Rows.Single();
        accord["status"].ShouldBe("partly-signed");
        accord["parties"].ShouldBe("us;iraq");
        accord["signatories"].ShouldBe("iraq:al-sudani");
        accord["signed"].ShouldBe("iraq:2024-10-03");
    }

    private (IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, string>> Rows) Read(string name)
    {
        using var reader = new StreamReader(Path.Combine(folder.FullName, name));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue($"{name} has no header row");
        csv.ReadHeader();
        var header = csv.HeaderRecord!.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return (header, rows);
    }

    public void Dispose() => folder.Delete(recursive: true);
}
