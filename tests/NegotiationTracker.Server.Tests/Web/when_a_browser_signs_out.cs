using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Web;

/// <summary>
/// Sign-out in Chromium, through the page's own form: the browser's Origin or Sec-Fetch-Site and the form's antiforgery
/// token are what the server asks of a cookie-authenticated POST, so this proves the web view's form passes its own checks.
/// </summary>
public sealed class when_a_browser_signs_out(ServerFixture server, BrowserFixture chromium) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task the_session_ends_and_the_cookie_is_gone()
    {
        await using var context = await chromium.NewContextAsync(server.Anonymous());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#key", await server.CreateKeyAsync("Browser reader", ApiRole.Reader));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        (await page.APIRequest.GetAsync("/api/negotiations")).Status.ShouldBe(200);

        await page.GotoAsync("/sign-out");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/sign-in", StringComparison.Ordinal));

        (await context.CookiesAsync()).ShouldNotContain(c => c.Name == "negotiation-session");
        (await page.APIRequest.GetAsync("/api/negotiations")).Status.ShouldBe(401);
    }
}
