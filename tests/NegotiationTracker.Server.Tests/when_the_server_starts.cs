using System.Net;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests;

public sealed class when_the_server_starts(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task it_is_live()
    {
        var response = await server.Client.GetAsync("/health/live");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task it_is_ready_with_postgres_and_the_silo_up()
    {
        var response = await server.Client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task an_unknown_negotiation_is_a_404_problem()
    {
        var response = await server.Client.GetAsync("/api/negotiations/no-such-talks");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("no-such-talks");
    }

    [Fact]
    public async Task the_statements_of_an_unknown_negotiation_are_a_404_problem()
    {
        var response = await server.Client.GetAsync("/api/negotiations/no-such-talks/statements");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task an_unparseable_flag_is_a_400()
    {
        var response = await server.Client.GetAsync("/api/negotiations/no-such-talks/statements?includeRetracted=maybe");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
