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
    public async Task a_file_that_is_not_utf8_is_a_422_problem_naming_the_line_and_nothing_is_appended()
    {
        var bytes = Encoding.UTF8.GetBytes(Broken.Replace("We want a ceasefire.", "We want a cease\u00e9fire.", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at + 1] = 0x28; // a lead byte followed by one that cannot continue it: once read as U+FFFD and stored
        var before = await StoredEvents.CountAsync(server.ConnectionString);

        using var response = await server.Client.PostAsync("/api/imports?name=latin.yaml", Yaml(bytes));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetString()!.ShouldStartWith("latin.yaml:8: not UTF-8");
        (await StoredEvents.CountAsync(server.ConnectionString)).ShouldBe(before);
    }

    [Fact]
    public async Task a_file_nested_200000_deep_is_a_422_problem_and_the_server_lives_on()
    {
        // 400 kB of brackets overflowed the stack of the YAML loader, which ends the process: no catch can stop that.
        using var response = await server.ImportAsync("negotiation: " + new string('[', 200_000) + new string(']', 200_000), "deep.yaml");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await server.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_file_with_more_events_than_an_import_takes_is_a_422_problem_naming_the_limit_and_nothing_is_appended()
    {
        var yaml = new StringBuilder("""
            negotiation: {id: endless-talks, title: "Endless talks", opened: "2024", issues: [{id: ceasefire, title: "A ceasefire"}]}
            parties: [{id: endless-north, name: "North", kind: state, role: principal}]
            events:

            """);
        for (var i = 0; i <= SeedFiles.SeedFileReader.MaxEvents; i++)
        {
            yaml.Append("  - status: {to: active, reason: r, said: \"2024-09\"}\n");
        }

        var before = await StoredEvents.CountAsync(server.ConnectionString);

        using var response = await server.ImportAsync(yaml.ToString(), "endless.yaml");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body[..Math.Min(body.Length, 500)]);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString())
            .ShouldContain("endless.yaml:1: the file has 100,001 events; the limit per import is 100,000");
        (await StoredEvents.CountAsync(server.ConnectionString)).ShouldBe(before);
    }

    [Theory]
    [InlineData("- {id: broken-north,", "- {id: \" \",", 4)]
    [InlineData("- {id: broken-north,", "- {id: \"\",", 4)]
    [InlineData("{id: broken-talks,", "{id: \"broken\\0talks\",", 1)]
    public async Task a_blank_or_nul_key_is_a_422_problem_naming_the_line(string fragment, string replacement, int line)
    {
        // Found by the fuzz test: the import asked a grain keyed " " (Orleans threw) before deciding anything, a 500.
        using var response = await server.ImportAsync(Broken.Replace(fragment, replacement, StringComparison.Ordinal), "keys.yaml");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)
            .ShouldHaveSingleItem().ShouldStartWith($"keys.yaml:{line}:");
    }

    private static ByteArrayContent Yaml(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/yaml");
        return content;
    }

    [Fact]
    public async Task a_file_over_10_mib_is_a_413_problem()
    {
        using var response = await server.ImportAsync(new string('#', (int)NegotiationServer.MaxImportBytes + 1), "huge.yaml");
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
