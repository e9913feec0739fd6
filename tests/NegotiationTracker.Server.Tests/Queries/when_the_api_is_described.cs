using System.Text.Json;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Queries;

/// <summary>The OpenAPI document at /openapi/v1.json: every query endpoint with the answers it can give.</summary>
public sealed class when_the_api_is_described(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<JsonElement> OperationAsync(string path, string method = "get")
    {
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is not in the document: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        item.TryGetProperty(method, out var operation).ShouldBeTrue($"{path} has no {method}");
        return operation.Clone();
    }

    private static IReadOnlyList<string> Responses(JsonElement operation) => operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();

    [Theory]
    [InlineData("/api/negotiations", "200 400")]
    [InlineData("/api/negotiations/{id}", "200 400 404")]
    [InlineData("/api/negotiations/{id}/statements", "200 400 404")]
    [InlineData("/api/negotiations/{id}/timeline", "200 404")]
    [InlineData("/api/negotiations/{id}/positions", "200 404")]
    [InlineData("/api/negotiations/{id}/proposals", "200 404")]
    [InlineData("/api/negotiations/{id}/agreements", "200 404")]
    [InlineData("/api/negotiations/{id}/history", "200 404")]
    [InlineData("/api/negotiations/{id}/diff", "200 400 404")]
    [InlineData("/api/negotiations/{id}/audit", "200 400 404")]
    [InlineData("/api/statements/{statementId}/audit", "200 400 404")]
    [InlineData("/api/negotiations/{id}/statements/{statementId}/audit", "200 404")]
    [InlineData("/api/parties/{id}", "200 400 404")]
    [InlineData("/api/negotiations/{id}/report", "200 400 404 406")]
    [InlineData("/api/verification", "200 404")]
    public async Task each_query_endpoint_declares_its_answers(string path, string statuses)
    {
        var operation = await OperationAsync(path);

        // Wolverine adds a 404 to every endpoint (its answer to a null body), so the list endpoint shows one too.
        statuses.Split(' ').ShouldBeSubsetOf(Responses(operation));
        operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        operation.GetProperty("tags").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task the_import_declares_its_answers()
    {
        var operation = await OperationAsync("/api/imports", "post");

        new[] { "200", "413", "415", "422" }.ShouldBeSubsetOf(Responses(operation));
    }

    [Fact]
    public async Task a_not_found_is_described_as_problem_details()
    {
        var operation = await OperationAsync("/api/negotiations/{id}/timeline");

        operation.GetProperty("responses").GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task the_report_is_described_in_its_five_formats()
    {
        var operation = await OperationAsync("/api/negotiations/{id}/report");

        operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name)
            .ShouldBe(["application/json", "text/markdown", "text/html", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_statement_log_says_how_it_is_paged()
    {
        var operation = await OperationAsync("/api/negotiations/{id}/statements");

        operation.GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("X-Total-Count");
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("limit");
    }
}
