using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.OpenApi;

public sealed class when_the_api_document_is_read(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task it_is_a_valid_openapi_document_that_lists_every_endpoint_the_server_maps()
    {
        var response = await server.Anonymous().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(await response.Content.ReadAsStreamAsync(), "json");

        diagnostic!.Errors.ShouldBeEmpty(string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        var documented = document!.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).ToHashSet();
        var mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Wolverine.Http.HttpChain>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();

        mapped.Count.ShouldBeGreaterThan(30);
        mapped.Where(m => !documented.Contains(m)).ShouldBeEmpty();
    }

    [Fact]
    public async Task it_declares_the_api_key_and_the_problems_a_command_can_answer()
    {
        var text = await server.Anonymous().GetStringAsync("/openapi/v1.json");
        var (document, _) = await OpenApiDocument.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "json");

        document!.Components!.SecuritySchemes!.ShouldContainKey("ApiKey");
        var record = document.Paths["/api/negotiations/{id}/statements"].Operations![HttpMethod.Post];
        record.RequestBody!.Content!.ShouldContainKey("application/json");
        record.Responses!.Keys.ShouldBe(["200", "400", "401", "403", "404", "409", "413", "414", "415", "422", "503"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_api_page_is_served_without_any_outside_request()
    {
        var page = await server.Anonymous().GetStringAsync("/scalar/");
        page.ShouldNotContain("https://");
        page.ShouldContain("scalar.js");
        (await server.Anonymous().GetAsync("/scalar/scalar.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task its_servers_never_name_the_host_the_request_claimed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        // The API page sends keyed requests to the document's server: a forged Host must not become that server.
        request.Headers.Host = "evil.example:666";
        using var response = await server.Anonymous().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var (document, _) = await OpenApiDocument.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "json");

        text.ShouldNotContain("evil.example");
        document!.Servers!.Select(s => s.Url).ShouldBe(["/"]);
    }
}
