using NegotiationTracker.Hosting;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Queries;

/// <summary>
/// The server with the U.S.–Iraq seed, a file of corrections to it (<see cref="Seeds.Corrections"/>), the Iran (JCPOA)
/// seed and a small file that reuses one of the U.S.–Iraq statement ids, all posted over HTTP, and the async views caught
/// up; one per test class.
/// </summary>
public sealed class SeededLedgerFixture : IAsyncLifetime
{
    public const string Iraq = Seeds.Iraq;
    public const string Iran = Seeds.Iran;
    public const string Echo = "echo-talks";

    /// <summary>Another negotiation whose one statement has an id the U.S.–Iraq seed uses too: ids are unique only within a negotiation.</summary>
    private const string EchoTalks = """
        negotiation: {id: echo-talks, title: "Talks that reuse a statement id", opened: "2025", issues: [{id: ceasefire, title: "A ceasefire"}]}
        sources: [{id: note, title: "A note"}]
        parties:
          - {id: echo-north, name: "North", kind: state, role: principal}
        events:
          - statement: {id: us-troop-level, by: echo-north, "on": [ceasefire], kind: position, stance: supports,
                        text: "We want a ceasefire.", attribution: paraphrase, said: "2025-01", source: note}
        """;

    public ServerFixture Server { get; } = new();

    public HttpClient Client => Server.Client;

    public IDocumentStore Store => Server.Services.GetRequiredService<IDocumentStore>();

    public DateTimeOffset BeforeImports { get; private set; }

    public DateTimeOffset AfterIraqSeed { get; private set; }

    public DateTimeOffset AfterCorrections { get; private set; }

    /// <summary>camelCase, vocabulary words: the server's JSON, which is the CLI's <c>--format json</c>.</summary>
    public static JsonSerializerOptions Json { get; } = ServerJson();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        BeforeImports = DateTimeOffset.UtcNow;
        await Server.ImportSeedAsync("us-iraq-withdrawal.yaml");
        AfterIraqSeed = DateTimeOffset.UtcNow;
        await Server.ImportOkAsync(Seeds.Corrections, "corrections.yaml");
        AfterCorrections = DateTimeOffset.UtcNow;
        await Server.ImportSeedAsync("iran-nuclear-jcpoa.yaml");
        await Server.ImportOkAsync(EchoTalks, "echo-talks.yaml");
        await Server.ViewsCaughtUpAsync();
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>The same library call the CLI makes, on a session of the server's own store.</summary>
    public async Task<T> QueryAsync<T>(Func<IQuerySession, Task<T>> query)
    {
        await using var session = Store.QuerySession();
        return await query(session);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return Client.SendAsync(request);
    }

    /// <summary>The body of a 200 answer; fails with the body otherwise.</summary>
    public async Task<string> GetOkAsync(string url, string? accept = null)
    {
        using var response = await GetAsync(url, accept);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    public static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"));

    private static JsonSerializerOptions ServerJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Wire.Json(options);
        return options;
    }
}

public static class Answers
{
    /// <summary>The body is, value for value, what the library call serialises to with the server's JSON options.</summary>
    public static void ShouldBeTheJsonOf(this string body, object? expected)
    {
        var wanted = JsonSerializer.SerializeToNode(expected, SeededLedgerFixture.Json);
        JsonNode.DeepEquals(JsonNode.Parse(body), wanted).ShouldBeTrue($"expected{Environment.NewLine}{Shorten(wanted?.ToJsonString())}{Environment.NewLine}got{Environment.NewLine}{Shorten(body)}");
    }

    /// <summary>A 400 validation problem whose errors name each of the fields.</summary>
    public static async Task ShouldBeAProblemNamingAsync(this HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        var named = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in fields)
        {
            named.ShouldContain(field, body);
        }
    }

    public static async Task ShouldBeANotFoundProblemAsync(this HttpResponseMessage response, string mentioning)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain(mentioning);
    }

    public static IReadOnlyList<JsonElement> Array(string body) => JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 2000 ? text : text[..2000] + "…";
}
