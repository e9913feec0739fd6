using System.Net;
using System.Text;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;

namespace NegotiationTracker.Server.Tests.OpenApi;

/// <summary>
/// The check every test client makes (<see cref="ContractCheck"/>) against the document the real server serves, fed answers
/// the server would never give: each must fail, naming the operation, the status and where in the document it broke.
/// </summary>
public sealed class when_an_answer_breaks_the_contract(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task a_body_that_breaks_the_schema_fails_naming_the_operation_the_status_and_the_schema_path()
    {
        var violation = await Should.ThrowAsync<ContractViolation>(() => Answered(HttpStatusCode.OK, """[{"id": 5, "title": "Talks"}]""").GetAsync("/api/negotiations"));

        violation.Message.ShouldContain("GET /api/negotiations");
        violation.Message.ShouldContain("answered 200");
        violation.Message.ShouldContain("#/paths/~1api~1negotiations/get/responses/200/content/application~1json/schema");
        violation.Message.ShouldContain("/0/id");
    }

    [Fact]
    public async Task a_null_where_the_schema_has_no_null_fails()
    {
        var violation = await Should.ThrowAsync<ContractViolation>(() => Answered(HttpStatusCode.OK, """{"status": null}""").GetAsync("/health/live"));

        violation.Message.ShouldContain("GET /health/live");
        violation.Message.ShouldContain("/status");
    }

    [Fact]
    public async Task a_status_the_operation_does_not_document_fails()
    {
        var violation = await Should.ThrowAsync<ContractViolation>(() => Answered(HttpStatusCode.Gone, "").GetAsync("/api/negotiations/talks"));

        violation.Message.ShouldContain("GET /api/negotiations/{id}");
        violation.Message.ShouldContain("answered 410, which it does not document");
    }

    [Fact]
    public async Task a_content_type_the_answer_does_not_document_fails()
    {
        var violation = await Should.ThrowAsync<ContractViolation>(() => Answered(HttpStatusCode.OK, "talks", "text/plain").GetAsync("/api/negotiations/talks"));

        violation.Message.ShouldContain("with text/plain, which #/paths/~1api~1negotiations~1{id}/get/responses/200/content does not document");
    }

    [Fact]
    public async Task a_header_the_answer_does_not_document_fails_and_one_it_requires_must_be_sent()
    {
        var extra = Answered(HttpStatusCode.NotFound, """{"title": "Not found", "status": 404}""", "application/problem+json", ("X-Total-Count", "3"));
        var missing = Answered(HttpStatusCode.OK, "[]");

        (await Should.ThrowAsync<ContractViolation>(() => extra.GetAsync("/api/negotiations/talks"))).Message
            .ShouldContain("answered 404 with header X-Total-Count, which #/paths/~1api~1negotiations~1{id}/get/responses/404/headers does not document");
        (await Should.ThrowAsync<ContractViolation>(() => missing.GetAsync("/api/negotiations"))).Message
            .ShouldContain("answered 200 without header X-Total-Count");
    }

    [Fact]
    public async Task an_address_no_operation_has_fails_unless_the_test_says_it_is_outside_the_contract()
    {
        var client = Answered(HttpStatusCode.NotFound, "");

        (await Should.ThrowAsync<ContractViolation>(() => client.GetAsync("/no-such-page"))).Message.ShouldContain("the document has no path that matches it");
        var outside = new HttpRequestMessage(HttpMethod.Get, "/no-such-page").OutsideTheContract("asked for a 404 on purpose");
        (await client.SendAsync(outside)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A checked client whose every request is answered with this instead of reaching the server; the contract still comes from the server.</summary>
    private HttpClient Answered(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        ContractChecking.Client(new Uri(server.Address), new Answering(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (body.Length == 0)
            {
                response.Content = new ByteArrayContent([]);
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }));

    private sealed class Answering(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = answer();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
