using System.Net;
using System.Text.RegularExpressions;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Web;

/// <summary>
/// The server with two negotiations imported over HTTP: the U.S.–Iraq seed, and a small one whose every text holds markup
/// and one of whose statements was retracted. The async views (timeline and the rest) are caught up before any test reads
/// a page, so what a test sees does not depend on how fast Wolverine's projections ran.
/// </summary>
public sealed partial class LedgerServedFixture : IAsyncLifetime
{
    public const string Seed = Seeds.Iraq;

    public ServerFixture Server { get; } = new();

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.ImportSeedAsync("us-iraq-withdrawal.yaml");
        await Server.ImportOkAsync(MarkupTalks.Yaml, "markup-talks.yaml");
        await Server.ViewsCaughtUpAsync();
    }

    /// <summary>A page as the server sends it: 200 and HTML in UTF-8, or the test fails with the body.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentType?.CharSet.ShouldBe("utf-8");
        return body;
    }

    /// <summary>The ids of the statements the page's statement log lists, in its order.</summary>
    public static IReadOnlyList<string> LoggedStatementIds(string page) =>
        StatementItem().Matches(Section(page, "statements")).Select(m => m.Groups[1].Value).ToList();

    /// <summary>One section of a brief, by its stable id.</summary>
    public static string Section(string page, string id)
    {
        var start = page.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no section {id}");
        return page[start..(page.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    [GeneratedRegex("<li class=\"statement[^\"]*\" id=\"statement-([^\"]+)\">")]
    private static partial Regex StatementItem();
}

/// <summary>One server for every web-view test class: pages only read, so the classes need not each import the seeds.</summary>
[CollectionDefinition(Name)]
public sealed class LedgerServed : ICollectionFixture<LedgerServedFixture>
{
    public const string Name = "the ledger served as web pages";
}

/// <summary>A negotiation whose every text a browser could take for markup: names, titles, a statement holding a script.</summary>
public static class MarkupTalks
{
    public const string Id = "markup-talks";

    public const string Script = "<script>alert(1)</script>";

    public const string Yaml = """
        negotiation:
          id: markup-talks
          title: "Talks <b>about</b> markup & \"quotes\""
          opened: "2024"
          issues: [{id: ceasefire, title: "A <em>ceasefire</em>"}]
        sources: [{id: leaflet, title: "A leaflet <img src=x onerror=alert(2)>"}]
        parties:
          - {id: markup-north, name: "North <i>Republic</i>", kind: state, role: principal,
             people: [{id: markup-envoy, name: "Envoy <u>One</u>"}]}
          - {id: markup-south, name: "South", kind: state, role: principal, people: []}
        events:
          - status: {to: active, reason: "talks begin", said: "2024-09"}
          - statement: {id: markup-script, by: markup-north, speaker: markup-envoy, "on": [ceasefire], kind: position, stance: supports,
                        text: "<script>alert(1)</script> We want a ceasefire.", attribution: paraphrase, said: "2024-09", source: leaflet}
          - statement: {id: markup-retracted, by: markup-south, "on": [ceasefire], kind: position, stance: opposes,
                        text: "We do not.", attribution: paraphrase, said: "2024-10", source: leaflet}
          - retraction: {statement: markup-retracted, reason: "misspoke", said: "2024-10"}
        """;
}
