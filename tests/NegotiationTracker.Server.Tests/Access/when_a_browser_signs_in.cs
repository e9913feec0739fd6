using NegotiationTracker.Hosting;
using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Access;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;

namespace NegotiationTracker.Server.Tests.Access;

/// <summary>A clock the test moves by hand: sessions expire when the test says so, with no waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>A server whose clock the tests drive.</summary>
public sealed class ClockedServerFixture : ServerFixture
{
    public ManualClock Clock { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// Web-view sign-in: the cookie carries a random session token, never the key; the session ends at its expiry, when its key
/// is revoked and at sign-out. Cookies are sent by hand, so each test says exactly what the browser holds.
/// </summary>
public sealed class when_a_browser_signs_in(ClockedServerFixture server) : IClassFixture<ClockedServerFixture>
{
    [Fact]
    public async Task the_cookie_holds_a_session_token_and_neither_the_key_nor_its_secret()
    {
        var (_, key, setCookie) = await SignInAsync(ApiRole.Reader);

        var secret = key.Split('_', 3)[2];
        setCookie.ShouldNotContain(key);
        setCookie.ShouldNotContain(secret);
        setCookie.ShouldStartWith($"{ApiKeyAuthentication.Cookie}=");
        setCookie.ShouldContain("httponly", Case.Insensitive);
        setCookie.ShouldContain("samesite=strict", Case.Insensitive);
        setCookie.ShouldContain("path=/", Case.Insensitive);
        setCookie.ShouldContain($"max-age={(int)BrowserSession.DefaultLifetime.TotalSeconds}", Case.Insensitive);
        // Plain HTTP here; over HTTPS the cookie is Secure.
        setCookie.ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task only_a_hash_of_the_token_is_stored()
    {
        var (token, _, _) = await SignInAsync(ApiRole.Reader);

        await using var session = server.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<BrowserSession>(token)).ShouldBeNull();
        (await session.LoadAsync<BrowserSession>(BrowserSession.IdOf(token))).ShouldNotBeNull();
    }

    [Fact]
    public async Task the_session_reads_like_its_key_until_it_expires()
    {
        var (token, _, _) = await SignInAsync(ApiRole.Reader);
        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        server.Clock.Advance(BrowserSession.DefaultLifetime - TimeSpan.FromSeconds(1));
        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        server.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await ReadAsync(token);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("sign in again");
    }

    [Fact]
    public async Task revoking_the_key_ends_its_sessions()
    {
        var (token, key, _) = await SignInAsync(ApiRole.Reader);
        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await server.Client.PostAsync($"/api/keys/{key.Split('_')[1]}/revocation", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var session = server.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<BrowserSession>(BrowserSession.IdOf(token))).ShouldBeNull();
    }

    [Fact]
    public async Task signing_out_ends_the_session_and_clears_the_cookie()
    {
        var (token, _, _) = await SignInAsync(ApiRole.Reader);
        var (antiforgeryCookie, field, value) = await SignOutFormAsync(token);

        var signOut = await PostSignOutAsync(token, antiforgeryCookie, [new(field, value)], server.Address);

        signOut.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signOut.Content.ReadAsStringAsync());
        signOut.Headers.Location!.ToString().ShouldBe("/sign-in");
        signOut.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith($"{ApiKeyAuthentication.Cookie}=;", StringComparison.Ordinal));
        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task signing_out_without_the_antiforgery_token_is_refused()
    {
        var (token, _, _) = await SignInAsync(ApiRole.Reader);
        var (antiforgeryCookie, _, _) = await SignOutFormAsync(token);

        var signOut = await PostSignOutAsync(token, antiforgeryCookie, [], server.Address);

        await ShouldBeRefusedAsync(signOut, "antiforgery token");
        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task signing_out_from_another_origin_is_refused_even_with_the_token()
    {
        var (token, _, _) = await SignInAsync(ApiRole.Reader);
        var (antiforgeryCookie, field, value) = await SignOutFormAsync(token);

        var signOut = await PostSignOutAsync(token, antiforgeryCookie, [new(field, value)], "http://127.0.0.1:1");

        await ShouldBeRefusedAsync(signOut, "Origin");
        (await ReadAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_cookie_does_not_authorize_changes_through_the_api()
    {
        var (token, _, _) = await SignInAsync(ApiRole.Admin);
        using var browser = Browser();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = new StringContent("""{"name":"Forged","role":"admin"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", $"{ApiKeyAuthentication.Cookie}={token}");
        request.Headers.Add("Origin", server.Address);

        await ShouldBeRefusedAsync(await browser.SendAsync(request), Wire.ApiKeyHeader);
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string because)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().ShouldContain(because);
    }

    /// <summary>Signs in with a new key of <paramref name="role"/>, as the sign-in form does.</summary>
    private async Task<(string Token, string Key, string SetCookie)> SignInAsync(ApiRole role)
    {
        var key = await server.CreateKeyAsync($"Browser {role}", role);
        using var browser = Browser();
        var signIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent([new("key", key), new("returnUrl", "/")]));
        signIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signIn.Content.ReadAsStringAsync());
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        return (CookieValue(setCookie), key, setCookie);
    }

    /// <summary>The sign-out page, read with the session: its antiforgery cookie and the hidden field of its form.</summary>
    private async Task<(string Cookie, string Field, string Value)> SignOutFormAsync(string token)
    {
        using var browser = Browser();
        var request = new HttpRequestMessage(HttpMethod.Get, "/sign-out");
        request.Headers.Add("Cookie", $"{ApiKeyAuthentication.Cookie}={token}");
        var page = await browser.SendAsync(request);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var hidden = Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        hidden.Success.ShouldBeTrue(html);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("negotiation-antiforgery=", StringComparison.Ordinal));
        return ($"negotiation-antiforgery={CookieValue(antiforgery)}", System.Net.WebUtility.HtmlDecode(hidden.Groups[1].Value),
            System.Net.WebUtility.HtmlDecode(hidden.Groups[2].Value));
    }

    private async Task<HttpResponseMessage> PostSignOutAsync(string token, string antiforgeryCookie, KeyValuePair<string, string>[] form, string origin)
    {
        using var browser = Browser();
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-out") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", $"{ApiKeyAuthentication.Cookie}={token}; {antiforgeryCookie}");
        request.Headers.Add("Origin", origin);
        return await browser.SendAsync(request);
    }

    private async Task<HttpResponseMessage> ReadAsync(string token)
    {
        using var browser = Browser();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/negotiations");
        request.Headers.Add("Cookie", $"{ApiKeyAuthentication.Cookie}={token}");
        return await browser.SendAsync(request);
    }

    /// <summary>No cookie jar and no redirects: each request carries exactly the cookies the test gives it.</summary>
    private HttpClient Browser() =>
        ContractChecking.Client(new Uri(server.Address), new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    private static string CookieValue(string setCookie) => setCookie.Split(';')[0].Split('=', 2)[1];
}
