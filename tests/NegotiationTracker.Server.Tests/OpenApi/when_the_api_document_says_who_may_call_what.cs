using System.Text.Json;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.OpenApi;

/// <summary>The security the document declares, per operation, against what the server enforces (Access/Roles.cs).</summary>
public sealed class when_the_api_document_says_who_may_call_what(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task a_key_goes_in_the_header_or_as_a_bearer_token_by_default()
    {
        using var document = await ServedDocument.ReadAsync(server);

        ServedDocument.Schemes(document.RootElement.GetProperty("security")).ShouldBe(["ApiKey", "Bearer"]);
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name)
            .ShouldBe(["ApiKey", "Bearer", "Session"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("/health/live", "get")]
    [InlineData("/health/ready", "get")]
    [InlineData("/sign-in", "post")]
    [InlineData("/sign-out", "post")]
    public async Task the_open_endpoints_need_no_credential(string path, string method)
    {
        using var document = await ServedDocument.ReadAsync(server);

        ServedDocument.Operation(document, path, method).GetProperty("security").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_read_also_takes_the_web_view_session()
    {
        using var document = await ServedDocument.ReadAsync(server);

        ServedDocument.Schemes(ServedDocument.Operation(document, "/api/negotiations", "get").GetProperty("security")).ShouldBe(["ApiKey", "Bearer", "Session"]);
    }

    [Fact]
    public async Task a_command_takes_only_a_key_in_a_header()
    {
        using var document = await ServedDocument.ReadAsync(server);

        // No security of its own: the document's, which has no session cookie (the cookie never authorizes a command).
        ServedDocument.Operation(document, "/api/negotiations/{id}/statements", "post").TryGetProperty("security", out _).ShouldBeFalse();
    }
}

public sealed class when_the_server_opens_reads_to_anonymous_callers(AnonymousReadsServerFixture server) : IClassFixture<AnonymousReadsServerFixture>
{
    [Fact]
    public async Task the_document_says_a_read_needs_no_credential_and_a_command_still_does()
    {
        using var document = await ServedDocument.ReadAsync(server);

        var read = ServedDocument.Operation(document, "/api/negotiations", "get").GetProperty("security");
        read[0].EnumerateObject().ShouldBeEmpty();
        ServedDocument.Operation(document, "/api/negotiations", "post").TryGetProperty("security", out _).ShouldBeFalse();
    }
}

internal static class ServedDocument
{
    public static async Task<JsonDocument> ReadAsync(ServerFixture server) =>
        JsonDocument.Parse(await server.Anonymous().GetStringAsync("/openapi/v1.json"));

    public static JsonElement Operation(JsonDocument document, string path, string method) =>
        document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

    /// <summary>The scheme each alternative of a security list names (empty for the requirement of none).</summary>
    public static IReadOnlyList<string> Schemes(JsonElement security) =>
        security.EnumerateArray().Select(r => string.Join('+', r.EnumerateObject().Select(s => s.Name))).ToList();
}
