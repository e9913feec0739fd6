using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Endpoints.Keys;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Commands;

/// <summary>
/// Every command endpoint the API document lists × every field of its body × a blank, a whitespace, a null and a
/// wrong-typed value: each is a 400 problem naming the field, in the caller's words (no .NET type names), and appends
/// nothing. A blank id was a 500 (Orleans refuses a blank grain key); a null body for a key was a 500 too.
/// </summary>
public sealed class when_every_field_of_every_command_is_spoiled(StatementsServerFixture server) : IClassFixture<StatementsServerFixture>
{
    private const string Id = Talks.Id;
    private static readonly PartialDate Said = PartialDate.Parse("2024-02-01");

    /// <summary>
    /// A valid body for each command endpoint, keyed as the API document names it. A new endpoint fails
    /// <see cref="every_documented_command_has_a_sample_body"/> until it has one here, so it cannot go untested.
    /// </summary>
    private static readonly Dictionary<string, object> Samples = new()
    {
        ["/api/keys"] = new CreateKey("Someone", ApiRole.Reader),
        ["/api/parties"] = new RegisterParty("new-party", "New party", PartyKind.Government),
        ["/api/parties/{partyId}/people"] = new AffiliatePerson("upstream", "envoy-z", "Envoy Z", "Envoy"),
        ["/api/negotiations"] = new OpenNegotiation("new-talks", "New talks", PartialDate.Parse("2024-01"), [new Issue("dam", "The dam")]),
        ["/api/negotiations/{id}/issues"] = new AddIssue(Id, "river", "The river"),
        ["/api/negotiations/{id}/sources"] = new RegisterSource(Id, "wire-2", "Wire report", "Wire", "https://example.org/2", Said),
        ["/api/negotiations/{id}/sources/{sourceId}/grades"] = new GradeSource(Id, "wire-1", 'B', "Usually reliable"),
        ["/api/negotiations/{id}/parties"] = new JoinNegotiation(Id, "downstream", PartyRole.Principal, Said),
        ["/api/negotiations/{id}/status-changes"] = new ChangeStatus(Id, NegotiationStatus.Active, "Talks resumed", Said),
        ["/api/negotiations/{id}/proposals"] = new TableProposal(Id, "p-2", "upstream", "A schedule", [new Term("dam", "Seven years")], Said, "wire-1"),
        ["/api/negotiations/{id}/proposals/{proposalId}/withdrawal"] = new WithdrawProposal(Id, "p-1", "upstream", "Overtaken", Said),
        ["/api/negotiations/{id}/proposals/{proposalId}/answers"] = new AnswerProposal(Id, "p-1", "downstream", Answer.Counter, "p-1", Said, "wire-1"),
        ["/api/negotiations/{id}/agreements"] = new ReachAgreement(Id, "a-2", "p-1", "An accord", [new Term("dam", "Seven years")], ["upstream", "downstream"], Said, "wire-1"),
        ["/api/negotiations/{id}/agreements/{agreementId}/signatures"] = new SignAgreement(Id, "a-1", "upstream", "envoy-a", Said),
        ["/api/negotiations/{id}/statements"] = Talks.Statement("s-2"),
        ["/api/negotiations/{id}/statements/{statementId}/retractions"] = new RetractStatement(Id, "s-1", "upstream", "Misspoke", Said),
        ["/api/negotiations/{id}/statements/{statementId}/denials"] = new DenyStatement(Id, "s-1", "upstream", "Never said", Said),
        ["/api/negotiations/{id}/statements/{statementId}/clarifications"] = new ClarifyStatement(Id, "s-1", "upstream", "Meant seven", Said),
        ["/api/negotiations/{id}/statements/{statementId}/reports"] = new ReportStatement(Id, "s-1", "upstream", "wire-1", Attribution.Quote, "Reported", "Radio", Said),
        ["/api/negotiations/{id}/statements/{statementId}/report-corrections"] = new CorrectReport(Id, "s-1", "upstream", "wire-1", "Corrected", Said),
        ["/api/negotiations/{id}/statements/{statementId}/amendments"] = new AmendRecord(Id, "s-1", "upstream", "text", "Old", "New", "Typo"),
        ["/api/negotiations/{id}/statements/{statementId}/voiding"] = new VoidRecord(Id, "s-1", "upstream", "Coded twice"),
        ["/api/negotiations/{id}/statements/{statementId}/duplicate-links"] = new LinkDuplicate(Id, "s-1", "upstream", "s-0", "Same words"),
        ["/api/negotiations/{id}/statements/{statementId}/duplicate-unlinks"] = new UnlinkDuplicate(Id, "s-1", "upstream", "s-0", "Not the same"),
        ["/api/negotiations/{id}/statements/{statementId}/grades"] = new GradeStatement(Id, "s-1", "upstream", 3, "Second hand"),
    };

    private static readonly Dictionary<string, string> PathValues = new()
    {
        ["id"] = Id, ["statementId"] = "s-1", ["proposalId"] = "p-1", ["agreementId"] = "a-1", ["sourceId"] = "wire-1", ["partyId"] = "upstream",
    };

    [Fact]
    public async Task every_documented_command_has_a_sample_body()
    {
        var routes = await CommandRoutesAsync();

        routes.Count.ShouldBeGreaterThan(20);
        routes.Where(r => !Samples.ContainsKey(r)).ShouldBeEmpty("add a valid body for each new command endpoint to Samples");
    }

    [Fact]
    public async Task each_spoiled_field_is_a_400_naming_it_in_the_callers_words_and_nothing_is_appended()
    {
        var routes = await CommandRoutesAsync();
        var failures = new List<string>();
        var sent = 0;
        var before = await StoredEvents.CountAsync(server.ConnectionString);

        foreach (var route in routes.Where(Samples.ContainsKey))
        {
            var sample = Samples[route];
            var path = PathValues.Aggregate(route, (p, v) => p.Replace($"{{{v.Key}}}", v.Value, StringComparison.Ordinal));
            foreach (var whole in new[] { "null", "42", "\"x\"", "[]" })
            {
                var response = await server.Client.PostRawAsync(path, whole);
                sent++;
                if (await Refusal(response, "body") is { } problem)
                {
                    failures.Add($"POST {route} body {whole}: {problem}");
                }
            }

            var body = JsonSerializer.SerializeToNode(sample, sample.GetType(), Http.Json)!.AsObject();
            foreach (var (field, value) in body.ToList())
            {
                foreach (var (spoiled, description) in Spoilings(sample.GetType(), route, field, value))
                {
                    var request = body.DeepClone().AsObject();
                    request[field] = spoiled?.DeepClone();
                    var response = await server.Client.PostRawAsync(path, request.ToJsonString());
                    sent++;
                    var problem = await Refusal(response, field);
                    if (problem is not null)
                    {
                        failures.Add($"POST {route} {field} {description}: {problem}");
                    }
                }
            }
        }

        var after = await StoredEvents.CountAsync(server.ConnectionString);
        sent.ShouldBeGreaterThan(300);
        failures.ShouldBeEmpty();
        after.ShouldBe(before, "a refused command appended events");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"admin\"")]
    [InlineData("[]")]
    public async Task a_key_request_that_is_not_an_object_is_a_400_naming_the_body(string body)
    {
        var response = await server.Client.PostRawAsync("/api/keys", body);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldContain("body", text);
    }

    [Theory]
    [InlineData("GET", "/api/negotiations/" + Id + "%00")]
    [InlineData("POST", "/api/negotiations/%00/statements")]
    [InlineData("POST", "/api/negotiations/" + Id + "/parties/%00")]
    public async Task a_nul_in_the_path_is_a_400_problem_naming_it(string method, string target)
    {
        // Kestrel refuses a request target that decodes to U+0000 while parsing it, before any middleware; KestrelRefusals
        // turns its empty 400 into a problem. Written to the socket as is, so no client library can tidy the request
        // target before the server sees it.
        await using var connection = await RawHttp.OpenAsync(server.Address);
        await connection.SendAsync($"{method} {target} HTTP/1.1\r\nHost: {new Uri(server.Address).Authority}\r\nX-Api-Key: {server.AdminKey}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        var answer = await connection.ReadAnswerAsync();

        answer.Status.ShouldBe(400, answer.Text);
        answer.Header("Content-Type").ShouldBe("application/problem+json");
        answer.Json["detail"]!.GetValue<string>().ShouldContain("NUL", Case.Sensitive, answer.Text);
    }

    /// <summary>Null is a fine value for an optional field or an id the path fills in, so it is only sent for the others.</summary>
    private static IEnumerable<(JsonNode? Value, string Description)> Spoilings(Type command, string route, string field, JsonNode? value)
    {
        yield return (JsonValue.Create(""), "\"\"");
        yield return (JsonValue.Create("   "), "\"   \"");
        if (!IsOptional(command, field) && !FilledFromPath(route, field))
        {
            yield return (null, "null");
        }

        yield return value?.GetValueKind() is JsonValueKind.String ? (JsonValue.Create(42), "42") : (JsonValue.Create("x"), "\"x\"");
    }

    private static bool IsOptional(Type command, string field)
    {
        var property = command.GetProperties().Single(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field);
        return new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
    }

    /// <summary>The endpoint fills in the ids its path names, and for a statement's correction the party that made it.</summary>
    private static bool FilledFromPath(string route, string field) =>
        route.Contains($"{{{field}}}", StringComparison.Ordinal)
        || (field == "negotiationId" && route.Contains("{id}", StringComparison.Ordinal))
        || (field == "partyId" && route.Contains("{statementId}", StringComparison.Ordinal));

    /// <returns>What is wrong with the answer, or null when it is the refusal expected.</returns>
    private static async Task<string?> Refusal(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return $"{(int)response.StatusCode} {text}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{response.Content.Headers.ContentType} {text}";
        }

        if (text.Contains("NegotiationTracker.", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal))
        {
            return $"names a .NET type: {text}";
        }

        var errors = JsonNode.Parse(text)?["errors"] as JsonObject;
        return errors?.Any(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal) || e.Key.StartsWith(field + ".", StringComparison.Ordinal)) == true
            ? null
            : $"errors do not name {field}: {text}";
    }

    /// <summary>Every POST the API document lists that takes a JSON body: the commands.</summary>
    private async Task<List<string>> CommandRoutesAsync()
    {
        var response = await server.Anonymous().GetAsync("/openapi/v1.json");
        var (document, _) = await OpenApiDocument.LoadAsync(await response.Content.ReadAsStreamAsync(), "json");
        return document!.Paths
            .Where(p => p.Value.Operations is { } operations && operations.TryGetValue(HttpMethod.Post, out var post)
                && post.RequestBody?.Content?.ContainsKey("application/json") == true)
            .Select(p => p.Key)
            .ToList();
    }
}

/// <summary><see cref="Talks"/> with a statement (s-1), a proposal (p-1) and an agreement on it (a-1), so every command has something to name.</summary>
public sealed class StatementsServerFixture : ServerFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Talks.OpenAsync(Client);
        var said = PartialDate.Parse("2024-02-01");
        await Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("s-1")).ShouldBeOk();
        await Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/proposals",
            new TableProposal(Talks.Id, "p-1", "upstream", "A schedule", [new Term("dam", "Seven years")], said, "wire-1")).ShouldBeOk();
        await Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/agreements",
            new ReachAgreement(Talks.Id, "a-1", "p-1", "An accord", [new Term("dam", "Seven years")], ["upstream", "downstream"], said, "wire-1")).ShouldBeOk();
    }
}
