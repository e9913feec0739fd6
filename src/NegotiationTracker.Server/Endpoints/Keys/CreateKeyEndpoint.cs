using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Infrastructure.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Keys;

public static class CreateKeyEndpoint
{
    /// <summary>Issue a key (admin). The key is in this response only; the server keeps its hash.</summary>
    [WolverinePost("/api/keys")]
    [Tags("Keys"), EndpointSummary("Create an API key (admin); the key is shown once")]
    [ProducesResponseType<CreatedKey>(StatusCodes.Status201Created)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Post(CreateKey request, HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        if (ApiKeys.ValidateName(request.Name) is { } rejection)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [rejection.Message] }, title: "Invalid field; no key was created");
        }

        if (!Enum.IsDefined(request.Role))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["use reader, recorder or admin"] }, title: "Invalid field; no key was created");
        }

        var (key, text) = await ApiKeys.CreateAsync(session, request.Name, request.Role, http.User.Identity?.Name ?? "admin", clock.GetUtcNow(), http.RequestAborted);
        return Results.Created($"/api/keys/{key.Id}", new CreatedKey(KeyView.Of(key), text));
    }
}
