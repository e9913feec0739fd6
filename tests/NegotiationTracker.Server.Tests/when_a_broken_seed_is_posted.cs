using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests;

public sealed class when_a_broken_seed_is_posted(ServerFixture server) : IClassFixture<ServerFixture>
{
    // Line 9: a statement by a party the file never lists.
    private const string Broken = """
        negotiation: {id: broken-talks, title: "Broken talks", opened: "2024", issues: [{id: ceasefire, title: "A ceasefire"}]}
        sources: [{id: article, title: "An article"}]
        parties:
          - {id: broken-north, name: "North", kind: state, role: principal}
        events:
          - status:    {to: active, reason: "talks begin", said: "2024-09"}
          - statement: {id: s1, by: broken-north, "on": [ceasefire], kind: position, stance: supports,
                        text: "We want a ceasefire.", attribution: paraphrase, said: "2024-09", source: article}
          - statement: {id: s2, by: nobody-at-all, "on": [ceasefire], kind: position, stance: opposes,
                        text: "We do not.", attribution: paraphrase, said: "2024-09", source: article}
        """;

    [Fact]
    public async Task it_is_a_422_problem_with_the_line_and_nothing_is_appended()
    {
        using var response = await server.ImportAsync(Broken, "broken.yaml");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.ShouldNotBeEmpty();
        errors.ShouldContain(e => e.StartsWith("broken.yaml:9:"), string.Join(Environment.NewLine, errors));

        using var state = await server.Client.GetAsync("/api/negotiations/broken-talks");
        state.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_file_that_is_not_yaml_is_a_422_problem()
    {
        using var response = await server.ImportAsync("negotiation: [unclosed", "garbled.yaml");
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_json_body_is_a_415_problem()
    {
        var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await server.Client.PostAsync("/api/imports", content);
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task a_file_over_10_mib_is_a_413_problem()
    {
        using var response = await server.ImportAsync(new string('#', (int)NegotiationServer.MaxImportBytes + 1), "huge.yaml");
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
