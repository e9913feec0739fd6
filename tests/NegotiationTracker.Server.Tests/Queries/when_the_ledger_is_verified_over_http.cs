using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.Server.Tests.Fixtures;
using Npgsql;

namespace NegotiationTracker.Server.Tests.Queries;

/// <summary>The U.S.–Iraq seed posted, verified over HTTP, then one statement's text edited in the table behind the ledger's back.</summary>
public sealed class EditedBehindTheServersBackFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();

    public IDocumentStore Store => Server.Services.GetRequiredService<IDocumentStore>();

    public string BeforeEdit { get; private set; } = "";

    public (string Stream, long Version, long Sequence) Edited { get; private set; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.ImportSeedAsync("us-iraq-withdrawal.yaml");
        BeforeEdit = await Server.Client.GetStringAsync("/api/verification");

        var events = $"{Store.Options.Events.DatabaseSchemaName}.mt_events";
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var edit = new NpgsqlCommand(
            $"update {events} set data = jsonb_set(data, '{{text}}', '\"We never said this.\"') "
            + $"where seq_id = (select min(seq_id) from {events} where stream_id = 'party/us' and type = 'statement_made') returning stream_id, version, seq_id",
            connection);
        await using var reader = await edit.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        Edited = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

public sealed class when_the_ledger_is_verified_over_http(EditedBehindTheServersBackFixture ledger) : IClassFixture<EditedBehindTheServersBackFixture>
{
    private async Task<JsonElement> VerifyAsync(string query = "")
    {
        using var response = await ledger.Server.Client.GetAsync($"/api/verification{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public void the_log_verified_clean_before_the_edit()
    {
        using var before = JsonDocument.Parse(ledger.BeforeEdit);

        before.RootElement.GetProperty("clean").GetBoolean().ShouldBeTrue();
        before.RootElement.GetProperty("eventsChecked").GetInt64().ShouldBeGreaterThan(0);
        before.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task the_edited_event_is_a_finding_named_by_stream_version_and_sequence_with_a_200()
    {
        var result = await VerifyAsync();

        result.GetProperty("clean").GetBoolean().ShouldBeFalse();
        var finding = result.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("kind").GetString().ShouldBe("content-changed");
        (finding.GetProperty("stream").GetString(), finding.GetProperty("version").GetInt64(), finding.GetProperty("sequence").GetInt64()).ShouldBe(ledger.Edited);
    }

    [Fact]
    public async Task the_answer_is_what_verify_prints_as_json()
    {
        var served = (await VerifyAsync()).GetRawText();

        var report = await new LedgerVerifier(ledger.Store).VerifyAsync();
        served.ShouldBeTheJsonOf(VerificationResult.Of(report));
    }

    [Fact]
    public async Task verifying_one_negotiation_checks_its_streams_and_finds_the_edit_too()
    {
        var whole = await VerifyAsync();
        var one = await VerifyAsync("?negotiation=us-iraq-withdrawal");

        one.GetProperty("streamsChecked").GetInt32().ShouldBeLessThanOrEqualTo(whole.GetProperty("streamsChecked").GetInt32());
        one.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem().GetProperty("sequence").GetInt64().ShouldBe(ledger.Edited.Sequence);
    }

    [Fact]
    public async Task verifying_an_unknown_negotiation_is_a_404_problem()
    {
        using var response = await ledger.Server.Client.GetAsync("/api/verification?negotiation=no-such-talks");

        await response.ShouldBeANotFoundProblemAsync("no-such-talks");
    }
}
