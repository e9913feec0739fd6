using System.Net;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Endpoints.Keys;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;

namespace NegotiationTracker.Server.Tests.Access;

/// <summary>The auth matrix: anonymous, reader, recorder and admin, each against a read, a write and a key-management endpoint.</summary>
public sealed class when_callers_present_keys(TalksServerFixture server) : IClassFixture<TalksServerFixture>
{
    public static TheoryData<string, string, int> Matrix => new()
    {
        // caller, endpoint kind, expected status
        { "anonymous", "read", 401 }, { "anonymous", "write", 401 }, { "anonymous", "admin", 401 },
        { "reader", "read", 200 }, { "reader", "write", 403 }, { "reader", "admin", 403 },
        { "recorder", "read", 200 }, { "recorder", "write", 200 }, { "recorder", "admin", 403 },
        { "admin", "read", 200 }, { "admin", "write", 200 }, { "admin", "admin", 200 },
        { "unknown key", "read", 401 }, { "revoked key", "read", 401 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task each_role_may_do_what_it_includes_and_nothing_more(string caller, string endpoint, int expected)
    {
        var client = caller switch
        {
            "anonymous" => server.Anonymous(),
            "reader" => await server.ClientWith(ApiRole.Reader),
            "recorder" => await server.ClientWith(ApiRole.Recorder),
            "admin" => await server.ClientWith(ApiRole.Admin),
            "unknown key" => WithKey(server.Anonymous(), "ntk_0123456789ab_notakey"),
            _ => await RevokedAsync(),
        };

        var response = endpoint switch
        {
            "read" => await client.GetAsync($"/api/negotiations/{Talks.Id}"),
            "write" => await client.PostJsonAsync("/api/parties", new RegisterParty($"party-{Guid.NewGuid():N}"[..20], "A party", PartyKind.Faction)),
            _ => await client.GetAsync("/api/keys"),
        };

        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task health_checks_need_no_key()
    {
        (await server.Anonymous().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.Anonymous().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_browser_without_a_key_is_sent_to_sign_in_and_signs_in_with_one()
    {
        var browser = ContractChecking.Client(server.Client.BaseAddress!, new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
        var page = new HttpRequestMessage(HttpMethod.Get, $"/negotiations/{Talks.Id}");
        page.Headers.Accept.ParseAdd("text/html");

        var sent = await browser.SendAsync(page);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.ToString().ShouldStartWith("/sign-in?returnUrl=");

        var key = await server.CreateKeyAsync("Browser reader", ApiRole.Reader);
        var signIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent([new("key", key), new("returnUrl", "/")]));
        signIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        signIn.Headers.GetValues("Set-Cookie").Single().ShouldContain("httponly", Case.Insensitive);

        var read = await browser.GetAsync($"/api/negotiations/{Talks.Id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_admin_creates_a_key_over_the_api_that_works_once_and_is_stored_hashed()
    {
        var created = await server.Client.PostJsonAsync("/api/keys", new CreateKey("Analyst B", ApiRole.Recorder));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.JsonAsync();
        var key = body["key"]!.GetValue<string>();

        var analyst = WithKey(server.Anonymous(), key);
        (await analyst.GetAsync($"/api/negotiations/{Talks.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await (await server.Client.GetAsync("/api/keys")).Content.ReadAsStringAsync();
        listed.ShouldContain("Analyst B");
        listed.ShouldNotContain(key.Split('_', 3)[2]); // the secret may itself hold underscores
    }

    [Fact]
    public async Task a_key_with_a_blank_name_is_refused()
    {
        var response = await server.Client.PostRawAsync("/api/keys", """{"name":"  ","role":"reader"}""");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<HttpClient> RevokedAsync()
    {
        var key = await server.CreateKeyAsync("Former analyst", ApiRole.Admin);
        var id = key.Split('_')[1];
        (await server.Client.PostAsync($"/api/keys/{id}/revocation", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return WithKey(server.Anonymous(), key);
    }

    private static HttpClient WithKey(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

public sealed class when_reads_are_opened_to_anonymous_callers(AnonymousReadsServerFixture server) : IClassFixture<AnonymousReadsServerFixture>
{
    [Fact]
    public async Task anonymous_callers_read_but_do_not_write()
    {
        var anonymous = server.Anonymous();
        (await anonymous.GetAsync("/api/negotiations/none-yet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.PostJsonAsync("/api/parties", new RegisterParty("anon-party", "Anon", PartyKind.Faction))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/keys")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
