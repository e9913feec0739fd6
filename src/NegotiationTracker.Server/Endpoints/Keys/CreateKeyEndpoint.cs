using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Access;
using NegotiationTracker.Server.Endpoints.Commands;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Keys;

public static class CreateKeyEndpoint
{
    /// <summary>Issue a key (admin). The key is in this response only; the server keeps its hash.</summary>
    // Read by CommandBody like every command, not bound by Wolverine: a null body or a wrong-typed field is a 400 naming
    // the field (Wolverine's binding made the one a 500 and the other a message naming .NET types).
    [WolverinePost("/api/keys")]
    [Tags("Keys"), EndpointSummary("Create an API key (admin); the key is shown once")]
    [EndpointDescription("Needs an admin key. Body: the holder's name and the role (reader, recorder or admin). The 201 answer holds the key "
        + "(`ntk_<id>_<secret>`) in this response only: the server keeps the SHA-256 of its secret.")]
    [Consumes(typeof(CreateKey), "application/json")]
    [ProducesResponseType<CreatedKey>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new key's address.", Always = true)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public static async Task<IResult> Post(HttpRequest request, CommandBody body, HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        var (command, problem) = await body.ReadAsync<CreateKey>(request);
        if (command is null)
        {
            return problem!;
        }

        if (ApiKeys.ValidateName(command.Name) is { } rejection)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [rejection.Message] }, title: "Invalid field; no key was created");
        }

        if (!Enum.IsDefined(command.Role))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["use reader, recorder or admin"] }, title: "Invalid field; no key was created");
        }

        var (key, text) = await ApiKeys.CreateAsync(session, command.Name, command.Role, ApiKeyAuthentication.RecordedBy(http.User), clock.GetUtcNow(), http.RequestAborted);
        return Results.Created($"/api/keys/{key.Id}", new CreatedKey(KeyView.Of(key), text));
    }
}
