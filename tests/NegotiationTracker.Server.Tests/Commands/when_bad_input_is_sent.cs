using System.Net;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;

namespace NegotiationTracker.Server.Tests.Commands;

/// <summary>
/// The bad-input list: each request is refused with RFC 9457 problem details naming what is wrong, never a stack trace,
/// and the event store holds exactly as many events afterwards as before.
/// </summary>
public sealed class when_bad_input_is_sent(TalksServerFixture server) : IClassFixture<TalksServerFixture>
{
    private const string Statements = $"/api/negotiations/{Talks.Id}/statements";

    private static string Statement(string statementId = "s-bad", string text = "\"We will fill the dam.\"", string kind = "\"position\"", string said = "\"2024-02-01\"",
        string extra = "") =>
        $$"""{"statementId":"{{statementId}}","partyId":"upstream","speakerId":"envoy-a","kind":{{kind}},"stance":"supports","issueIds":["dam"],"text":{{text}},"attribution":"quote","said":{{said}},"sourceId":"wire-1"{{extra}}}""";

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        // name, path, body, status, field the problem names
        { "malformed JSON", Statements, "{\"statementId\": \"s-bad\", ", 400, "body" },
        { "not an object", Statements, "[1, 2, 3]", 400, "body" },
        { "missing field", Statements, """{"statementId":"s-bad","partyId":"upstream","kind":"position","issueIds":["dam"],"attribution":"quote","said":"2024-02-01"}""", 400, "text" },
        { "null where required", Statements, Statement(text: "null"), 400, "text" },
        { "text over 20,000 characters", Statements, Statement(text: $"\"{new string('a', 20_001)}\""), 400, "text" },
        { "unknown enum value", Statements, Statement(kind: "\"speech\""), 400, "kind" },
        { "enum as a number", Statements, Statement(kind: "3"), 400, "kind" },
        { "impossible date", Statements, Statement(said: "\"2024-02-30\""), 400, "said" },
        { "date in the future", Statements, Statement(said: "\"2999-01-01\""), 400, "said" },
        { "control character", Statements, Statement(text: "\"fill\\u0000the dam\""), 400, "text" },
        { "bidirectional override", Statements, Statement(text: "\"fill \\u202Ethe dam\""), 400, "text" },
        { "id not a slug", Statements, Statement(statementId: "S 1; DROP TABLE"), 400, "statementId" },
        { "path id not a slug", "/api/negotiations/Not_A_Slug/statements", Statement(), 400, "negotiationId" },
        { "path and body disagree", Statements, Statement(extra: ",\"negotiationId\":\"other-talks\""), 400, "negotiationId" },
        { "unknown field", Statements, Statement(extra: ",\"mood\":\"tense\""), 400, "mood" },
        { "wrong type", Statements, Statement(text: "42"), 400, "text" },
        { "nested too deep", Statements, Statement(extra: $",\"x\":{new string('[', 40)}{new string(']', 40)}"), 400, "body" },
        { "escaped lone surrogate in a field name", Statements, Statement(extra: ",\"\\uD800x\":1"), 400, "body" },
        { "escaped lone surrogate in an id the path names too", Statements, Statement(extra: ",\"negotiationId\":\"\\uDC00\""), 400, "body" },
        { "escaped lone surrogate in the text", Statements, Statement(text: "\"fill \\uD800 the dam\""), 400, "body" },
        { "unknown negotiation", "/api/negotiations/no-such-talks/statements", Statement(), 404, "" },
        { "unknown party", Statements, Statement().Replace("\"upstream\"", "\"nobody\""), 404, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task it_is_refused_with_problem_details_and_nothing_is_appended(string name, string path, string body, int status, string field)
    {
        var before = await EventCountAsync();

        var response = await server.Client.PostRawAsync(path, body);

        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, $"{name}: {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", name);
        text.ShouldNotContain("   at ", customMessage: $"{name}: a stack trace leaked");
        if (field.Length > 0)
        {
            (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field, $"{name}: {text}");
        }

        (await EventCountAsync()).ShouldBe(before, name);
    }

    [Fact]
    public async Task a_body_over_one_mebibyte_is_a_413()
    {
        var before = await EventCountAsync();

        var response = await server.Client.PostRawAsync(Statements, Statement(text: $"\"{new string('a', 1_100_000)}\""));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_statement_of_exactly_20000_characters_is_accepted()
    {
        var response = await server.Client.PostRawAsync(Statements, Statement(statementId: "s-longest", text: $"\"{new string('a', 20_000)}\""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/verification?negotiation=%00", "negotiation")]
    [InlineData($"/api/negotiations/{Talks.Id}/statements?party=up%00stream", "party")]
    [InlineData($"/api/negotiations/{Talks.Id}/audit?recordedBy=%00", "recordedBy")]
    public async Task a_nul_in_the_address_is_a_400_naming_where(string path, string field)
    {
        // Found by the fuzz test: PostgreSQL refused the NUL in a query parameter, and the caller got a 500.
        var response = await server.Client.GetAsync(path);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field, text);
    }

    [Fact]
    public async Task a_nul_in_the_path_is_a_400_problem()
    {
        // Kestrel refuses it before any endpoint (KestrelRefusals writes the problem); the server's own check (above) is for query values.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/negotiations/{Talks.Id}%00")
            .OutsideTheContract("the path id is no slug: no operation of the document takes it");
        var response = await server.Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().ShouldContain("NUL", Case.Sensitive, text);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_415()
    {
        var response = await server.Client.PostAsync(Statements, new StringContent(Statement(), Encoding.UTF8, "text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task invalid_utf8_is_refused()
    {
        var before = await EventCountAsync();
        var bytes = Encoding.UTF8.GetBytes(Statement(text: "\"fill XX the dam\"")).ToArray();
        var at = Array.IndexOf(bytes, (byte)'X');
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28); // a lead byte followed by a byte that cannot continue it

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var response = await server.Client.PostAsync(Statements, content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_well_formed_statement_is_accepted_so_the_refusals_above_are_about_the_fault()
    {
        var response = await server.Client.PostRawAsync(Statements, Statement(statementId: "s-good"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }


    private async Task<long> EventCountAsync()
    {
        var statistics = await server.Services.GetRequiredService<IDocumentStore>().Advanced.FetchEventStoreStatistics();
        return statistics.EventCount;
    }
}
