using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;
using static Microsoft.Playwright.Assertions;

namespace NegotiationTracker.Server.Tests.Web;

/// <summary>
/// The headers every response carries, whatever answered it (a page, the API page, the API document, an endpoint, a 404,
/// a refusal): no content sniffing, no address sent to other sites, never inside another site's frame, and HTML that loads only what it must.
/// </summary>
public sealed class when_any_page_is_served(ServerFixture server, BrowserFixture chromium) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    private const string DefaultPolicy = "default-src 'none'";

    /// <summary>One of each kind of response: HTML pages, the API page, the API document, JSON, a 404 and a 400 problem.</summary>
    public static TheoryData<string> Paths =>
    [
        "/",
        "/sign-in",
        "/scalar",
        "/negotiations/no-such-talks",
        "/openapi/v1.json",
        "/api/negotiations",
        "/no-such-page",
        // A NUL in the address is refused before any endpoint runs: a 400 problem.
        "/api/verification?negotiation=%00",
    ];

    public static TheoryData<string> HtmlPaths => ["/", "/sign-in", "/scalar", "/negotiations/no-such-talks"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task the_browser_is_told_not_to_guess_the_content_type(string path) =>
        (await HeaderAsync(path, "X-Content-Type-Options")).ShouldBe("nosniff");

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task no_address_is_passed_to_another_site_as_a_referrer(string path) =>
        (await HeaderAsync(path, "Referrer-Policy")).ShouldBe("same-origin");

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task no_other_page_may_frame_it(string path)
    {
        (await HeaderAsync(path, "X-Frame-Options")).ShouldBe("DENY");
        (await HeaderAsync(path, "Content-Security-Policy")).ShouldContain("frame-ancestors 'none'");
    }

    [Theory]
    [MemberData(nameof(HtmlPaths))]
    public async Task an_html_page_loads_nothing_it_was_not_allowed(string path)
    {
        using var response = await server.Client.GetAsync(path);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        Policy(response).ShouldStartWith(DefaultPolicy);
    }

    [Fact]
    public async Task the_sign_in_form_may_post_only_to_this_server()
    {
        var policy = await HeaderAsync("/sign-in", "Content-Security-Policy");

        policy.ShouldStartWith(DefaultPolicy);
        policy.ShouldContain("form-action 'self'");
        policy.ShouldNotContain("script-src");
    }

    [Fact]
    public async Task a_page_on_another_site_cannot_frame_the_sign_in_page()
    {
        // The page a phishing site would show, the sign-in form inside it, served by a second server on this machine
        // (Chromium refuses a page the test fakes from reaching loopback at all, which would prove nothing) and opened as
        // localhost, another site than the server's 127.0.0.1.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var elsewhere = builder.Build();
        elsewhere.MapGet("/", () => Results.Content(
            $"<!doctype html><title>Elsewhere</title><iframe id=\"framed\" src=\"{server.Address}/sign-in\"></iframe>", "text/html"));
        await elsewhere.StartAsync();
        await using var context = await chromium.NewContextAsync(server.Anonymous());
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        await page.GotoAsync(new UriBuilder(elsewhere.Urls.First()) { Host = "localhost" }.Uri.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var framed = page.Frames.Single(f => f != page.MainFrame);
        (await framed.Locator("#key").CountAsync()).ShouldBe(0, await framed.ContentAsync());
        console.ShouldContain(m => m.Contains("frame-ancestors 'none'"), string.Join("\n", console));
    }

    [Fact]
    public async Task the_api_page_runs_only_its_own_scripts_and_still_renders_in_a_browser()
    {
        await using var context = await chromium.NewContextAsync(server.Client);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        var response = await page.GotoAsync("/scalar", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        response!.Status.ShouldBe((int)HttpStatusCode.OK);
        var policy = await response.HeaderValueAsync("content-security-policy");
        policy.ShouldNotBeNull();
        policy.ShouldStartWith(DefaultPolicy);
        var scripts = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scripts.ShouldStartWith("script-src 'self' 'nonce-");
        scripts.ShouldNotContain("unsafe");

        // The title comes from the API document, so the page fetched and rendered it. Scalar renders it from a script after
        // the load event; on a busy machine that takes longer than Playwright's default of five seconds.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "NegotiationTracker", Exact = true }).First)
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    private async Task<string> HeaderAsync(string path, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (path == "/no-such-page")
        {
            request.OutsideTheContract("an address no operation has, asked for its 404");
        }

        using var response = await server.Client.SendAsync(request);
        return Header(response, name);
    }

    private static string Policy(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : $"(no {name} on {(int)response.StatusCode} {response.RequestMessage?.RequestUri})";
}
