using System.Text.Json;
using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_the_timeline_is_exported_as_csv(CorrectedLedgerOnTheCommandLine ledger)
{
    [Fact]
    public async Task each_entry_is_one_row_with_every_field_the_json_has()
    {
        var (rows, entries) = await CsvBesideJson.ReadAsync(ledger, json => json, "timeline", Negotiation);

        rows.Select(r => r["sequence"]).ShouldBe(entries.Select(e => e.GetProperty("sequence").GetInt64().ToString()));
    }

    [Fact]
    public async Task each_entry_has_its_partial_date_and_its_recorded_at_and_by()
    {
        var csv = await ledger.RunAsync("timeline", Negotiation, "--format", "csv");

        var statement = ReadCsv(csv.Out).Rows.Single(r => r["subject"] == "sudani-us-forces-unnecessary" && r["kind"] == "statement");
        statement["said"].ShouldBe("2024-09");
        statement["recordedBy"].ShouldBe($"os:{Environment.UserName}@{Environment.MachineName}");
        DateTimeOffset.Parse(statement["recordedAt"]).ShouldBeLessThan(ledger.BeforeCorrections);
        statement["issueIds"].ShouldBe("us-troop-presence");
    }

    [Fact]
    public async Task a_field_without_a_value_is_an_empty_cell()
    {
        var csv = await ledger.RunAsync("timeline", Negotiation, "--format", "csv");

        var opened = ReadCsv(csv.Out).Rows.Single(r => r["kind"] == "opened");
        opened["partyId"].ShouldBe("");
        opened["stance"].ShouldBe("");
        csv.Out.ShouldNotContain("—");
    }
}

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_a_dossier_is_exported_as_csv(CorrectedLedgerOnTheCommandLine ledger)
{
    [Fact]
    public async Task each_entry_is_one_row_as_the_json_lists_them()
    {
        var (rows, entries) = await CsvBesideJson.ReadAsync(ledger, json => json.GetProperty("entries"), "dossier", "iraq");

        rows.Select(r => (r["sequence"], r["negotiationId"], r["partyId"], r["recordedBy"]))
            .ShouldBe(entries.Select(e => (e.GetProperty("sequence").GetInt64().ToString(), Negotiation, "iraq", $"os:{Environment.UserName}@{Environment.MachineName}")));
    }
}

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_the_history_is_exported_as_csv(CorrectedLedgerOnTheCommandLine ledger)
{
    [Fact]
    public async Task each_event_is_one_row_with_its_data_as_one_json_cell()
    {
        var (rows, events) = await CsvBesideJson.ReadAsync(ledger, json => json, "history", Negotiation);

        rows.Count.ShouldBe(events.Count);
        foreach (var (row, e) in rows.Zip(events))
        {
            row["type"].ShouldBe(e.GetProperty("type").GetString());
            using var data = JsonDocument.Parse(row["data"]);
            JsonElement.DeepEquals(data.RootElement, e.GetProperty("data")).ShouldBeTrue(row["data"]);
        }
    }

    [Fact]
    public async Task an_event_without_a_date_has_an_empty_said_cell()
    {
        var csv = await ledger.RunAsync("history", Negotiation, "--format", "csv");

        var amended = ReadCsv(csv.Out).Rows.Single(r => r["type"] == "record_amended");
        amended["said"].ShouldBe("");
    }
}

/// <summary>A command's output as CSV beside its output as JSON, the way each CSV export here is checked.</summary>
internal static class CsvBesideJson
{
    /// <summary>
    /// Runs the command with <c>--format csv</c> and with <c>--format json</c>: the CSV rows read back, and the JSON's
    /// entries (the array <paramref name="entries"/> picks), after checking the CSV's header is the JSON's field names.
    /// </summary>
    public static async Task<(IReadOnlyList<Dictionary<string, string>> Rows, List<JsonElement> Entries)> ReadAsync(
        CorrectedLedgerOnTheCommandLine ledger, Func<JsonElement, JsonElement> entries, params string[] command)
    {
        var csv = await ledger.RunAsync([.. command, "--format", "csv"]);
        var json = await ledger.RunAsync([.. command, "--format", "json"]);

        csv.ExitCode.ShouldBe(0, csv.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var listed = entries(document.RootElement).EnumerateArray().Select(e => e.Clone()).ToList();
        var (header, rows) = ReadCsv(csv.Out);
        header.ShouldBe(listed[0].EnumerateObject().Select(p => p.Name).ToList());
        return (rows, listed);
    }
}
