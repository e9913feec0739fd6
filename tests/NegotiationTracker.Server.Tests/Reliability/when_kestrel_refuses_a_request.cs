using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// Requests Kestrel refuses while parsing them, before any middleware: each answer is a problem like every other refusal
/// (KestrelRefusals), not Kestrel's empty 4xx, and a kept-alive connection serves its requests as before until one is refused.
/// </summary>
public sealed class when_kestrel_refuses_a_request(ServerFixture server) : IClassFixture<ServerFixture>
{
    private string ApiKey => $"X-Api-Key: {server.AdminKey}";

    [Fact]
    public async Task a_nul_in_the_path_is_a_400_problem_naming_the_path()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var answer = await connection.GetAsync("/api/negotiations/%00", ApiKey);

        answer.Status.ShouldBe(400, answer.Text);
        answer.Header("Content-Type").ShouldBe("application/problem+json");
        answer.Json["status"]!.GetValue<int>().ShouldBe(400);
        answer.Json["title"]!.GetValue<string>().ShouldBe("Bad Request");
        answer.Json["detail"]!.GetValue<string>().ShouldContain("path holds a NUL character");
    }

    [Fact]
    public async Task the_problem_is_framed_and_closes_the_connection()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var answer = await connection.GetAsync("/api/negotiations/%00", ApiKey);

        answer.Header("Content-Length").ShouldBe(answer.Body.Length.ToString());
        answer.Header("Connection").ShouldBe("close");
        (await connection.IsClosedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task the_problem_carries_the_headers_every_answer_has()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var answer = await connection.GetAsync("/api/negotiations/%00", ApiKey);

        answer.Header("X-Content-Type-Options").ShouldBe("nosniff");
        answer.Header("X-Frame-Options").ShouldBe("DENY");
        answer.Header("Referrer-Policy").ShouldBe("same-origin");
        answer.Header("Content-Security-Policy").ShouldBe("default-src 'none'; frame-ancestors 'none'");
        answer.Header("Date").ShouldNotBeNull();
    }

    [Fact]
    public async Task a_request_line_too_long_is_a_414_problem()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var answer = await connection.GetAsync("/api/negotiations/" + new string('a', 10_000), ApiKey);

        answer.Status.ShouldBe(414, answer.Text);
        answer.Header("Content-Type").ShouldBe("application/problem+json");
        answer.Json["detail"]!.GetValue<string>().ShouldContain("longer than the server accepts");
    }

    [Fact]
    public async Task headers_too_large_are_a_431_problem()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var answer = await connection.GetAsync("/api/negotiations", ApiKey, "X-Padding: " + new string('a', 40_000));

        answer.Status.ShouldBe(431, answer.Text);
        answer.Header("Content-Type").ShouldBe("application/problem+json");
        answer.Json["detail"]!.GetValue<string>().ShouldContain("headers");
    }

    [Fact]
    public async Task an_unreadable_header_is_a_400_problem()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var answer = await connection.GetAsync("/api/negotiations", ApiKey, "a header line without a colon");

        answer.Status.ShouldBe(400, answer.Text);
        answer.Header("Content-Type").ShouldBe("application/problem+json");
        answer.Json["detail"]!.GetValue<string>().ShouldContain("cannot be read");
    }

    [Fact]
    public async Task a_kept_alive_connection_answers_its_requests_and_then_refuses_the_bad_one()
    {
        await using var connection = await RawHttp.OpenAsync(server.Address);

        var first = await connection.GetAsync("/api/negotiations", ApiKey);
        var second = await connection.GetAsync("/api/negotiations", ApiKey);
        var missing = await connection.GetAsync("/api/negotiations/no-such-talks", ApiKey);
        var refused = await connection.GetAsync("/api/negotiations/%00", ApiKey);

        (first.Status, second.Status, missing.Status, refused.Status).ShouldBe((200, 200, 404, 400));
        second.Body.ShouldBe(first.Body);
        missing.Header("Content-Type").ShouldBe("application/problem+json");
        missing.Json["detail"]!.GetValue<string>().ShouldContain("no-such-talks");
        refused.Header("Content-Type").ShouldBe("application/problem+json");
    }
}
