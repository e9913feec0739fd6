using System.Net;
using System.Text.Json;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests;

/// <summary>The U.S.–Iraq seed, posted once by the fixture; each test reads what it left.</summary>
public sealed class SeedPostedFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();

    public HttpStatusCode FirstStatus { get; private set; }

    public JsonElement First { get; private set; }

    public HttpStatusCode SecondStatus { get; private set; }

    public JsonElement Second { get; private set; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        var yaml = await File.ReadAllTextAsync(Paths.Seed("us-iraq-withdrawal.yaml"));
        (FirstStatus, First) = await PostAsync(yaml);
        (SecondStatus, Second) = await PostAsync(yaml);
    }

    private async Task<(HttpStatusCode, JsonElement)> PostAsync(string yaml)
    {
        using var response = await Server.ImportAsync(yaml, "us-iraq-withdrawal.yaml");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

public sealed class when_the_seed_is_imported_over_http(SeedPostedFixture seed) : IClassFixture<SeedPostedFixture>
{
    private HttpClient Client => seed.Server.Client;

    [Fact]
    public void the_first_import_appends_events()
    {
        seed.FirstStatus.ShouldBe(HttpStatusCode.OK, seed.First.ToString());
        seed.First.GetProperty("negotiationId").GetString().ShouldBe("us-iraq-withdrawal");
        seed.First.GetProperty("steps").GetInt32().ShouldBeGreaterThan(0);
        seed.First.GetProperty("eventsAppended").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void a_second_import_appends_nothing()
    {
        seed.SecondStatus.ShouldBe(HttpStatusCode.OK, seed.Second.ToString());
        seed.Second.GetProperty("eventsAppended").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task wolverine_runs_the_async_projections()
    {
        // Marten's own daemon is off (DaemonMode.Disabled); only Wolverine's managed distribution can bring these up to date.
        var store = seed.Server.Services.GetRequiredService<IDocumentStore>();
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task the_state_lists_the_parties_and_the_status_as_words()
    {
        var state = await GetJsonAsync("/api/negotiations/us-iraq-withdrawal");
        state.GetProperty("id").GetString().ShouldBe("us-iraq-withdrawal");
        state.GetProperty("status").GetString().ShouldBe("active");
        var parties = state.GetProperty("parties").EnumerateArray().ToList();
        parties.Select(p => p.GetProperty("name").GetString()).ShouldContain("Republic of Iraq");
        parties.Single(p => p.GetProperty("id").GetString() == "iraq").GetProperty("role").GetString().ShouldBe("principal");
    }

    [Fact]
    public async Task the_statements_filtered_by_party_are_only_that_partys()
    {
        var statements = (await GetJsonAsync("/api/negotiations/us-iraq-withdrawal/statements?party=iraq")).EnumerateArray().ToList();
        statements.ShouldNotBeEmpty();
        statements.ShouldAllBe(s => s.GetProperty("party").GetString() == "iraq");
        // Recorded by the holder of the key the import was sent with (the fixture's admin key).
        statements[0].GetProperty("recordedBy").GetString().ShouldBe("key:Test admin");
        statements[0].GetProperty("kind").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task the_statements_filtered_by_date_overlap_the_date()
    {
        var statements = (await GetJsonAsync("/api/negotiations/us-iraq-withdrawal/statements?from=2024-09-15&includeRetracted=true")).EnumerateArray().ToList();
        statements.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task an_impossible_date_is_a_400_problem()
    {
        using var response = await Client.GetAsync("/api/negotiations/us-iraq-withdrawal/statements?from=2024-13-45");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("2024-13-45");
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
