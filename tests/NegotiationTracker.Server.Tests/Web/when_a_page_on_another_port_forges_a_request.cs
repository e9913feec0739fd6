using System.Net;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Web;

/// <summary>
/// Cross-site request forgery, in Chromium: a person signs in to the web view, then opens a page served from another
/// port of the same host (the same site, so SameSite=Strict lets the browser send the session cookie) that auto-submits a
/// <c>text/plain</c> form, which needs no preflight, to the API. The cookie must not carry the request.
/// </summary>
public sealed class when_a_page_on_another_port_forges_a_request(ServerFixture server, BrowserFixture chromium)
    : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task a_forged_import_is_refused_and_appends_nothing()
    {
        var seed = await File.ReadAllTextAsync(Paths.Seed("us-iraq-withdrawal.yaml"));
        var before = await StoredEvents.CountAsync(server.ConnectionString);
        // text/plain sends "name=value": the name is a YAML comment, the value the seed file.
        var form = $"""<textarea name="# forged">{WebUtility.HtmlEncode("\n" + seed)}</textarea>""";

        var response = await ForgeAsync(ApiRole.Recorder, "/api/imports?name=forged.yaml", form);

        response.Status.ShouldBe(StatusCodes.Status403Forbidden, response.Body);
        response.ContentType.ShouldStartWith("application/problem+json");
        response.Body.ShouldContain("X-Api-Key");
        (await StoredEvents.CountAsync(server.ConnectionString)).ShouldBe(before);
    }

    [Fact]
    public async Task a_forged_key_creation_is_refused_and_creates_no_key()
    {
        // text/plain sends name=value: together they make the JSON body {"name":"Forged admin","role":"admin","pad":"="}.
        const string form = """<input type="hidden" name='{"name":"Forged admin","role":"admin","pad":"' value='"}'>""";

        var response = await ForgeAsync(ApiRole.Admin, "/api/keys", form);

        response.Status.ShouldBe(StatusCodes.Status403Forbidden, response.Body);
        await using var session = server.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await ApiKeys.ListAsync(session, CancellationToken.None)).ShouldNotContain(k => k.Name == "Forged admin");
    }

    /// <summary>Signs in with a new key of <paramref name="role"/>, opens the forging page and returns the server's answer to its form.</summary>
    private async Task<Answer> ForgeAsync(ApiRole role, string target, string fields)
    {
        // The forging page, served by a second server on another port of 127.0.0.1: same host, same site, other origin.
        // A server of its own because Chromium keeps pages a test fakes (RouteAsync) from reaching loopback at all.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var elsewhere = builder.Build();
        elsewhere.MapGet("/", () => Results.Content($"""
            <!doctype html><title>Elsewhere</title>
            <form id="forged" method="post" enctype="text/plain" action="{server.Address}{target}">{fields}</form>
            <script>document.getElementById('forged').submit()</script>
            """, "text/html"));
        await elsewhere.StartAsync();

        await using var context = await chromium.NewContextAsync(server.Anonymous());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#key", await server.CreateKeyAsync($"Browser {role}", role));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        (await context.CookiesAsync()).ShouldContain(c => c.Name == "negotiation-session");

        var path = target.Split('?')[0];
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(elsewhere.Urls.First()),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == path);
        return new Answer(response.Status, await response.HeaderValueAsync("content-type") ?? "", await response.TextAsync());
    }

    private sealed record Answer(int Status, string ContentType, string Body);
}
