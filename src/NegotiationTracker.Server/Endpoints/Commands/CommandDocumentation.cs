using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

/// <summary>
/// What every command endpoint does alike (its answer, idempotency, If-Match, refusals), written once into each command's
/// description after whatever the endpoint says of itself, so a reader of any one operation has the whole contract.
/// </summary>
public sealed class CommandDocumentation : IOpenApiOperationTransformer
{
    public const string Contract =
        "Answers 200 `{stream, appended, version}`: the stream appended to, how many events were appended (0 when this was already "
        + "recorded: every command carries the id of what it creates, so a retry appends nothing) and the stream's version after it.\n\n"
        + $"- `{HttpCommands.IdempotencyKeyHeader}` (optional, 1–200 visible ASCII characters): the first response is kept per API key and "
        + $"every retry gets it back unchanged with `{HttpCommands.ReplayedHeader}: true`; the same key with a different request is a 422, "
        + "and a retry while the first is still running a 409 to retry.\n"
        + "- `If-Match: \"7\"` (optional): append only if the stream is still at version 7, else 409 with `stream` and `currentVersion`.\n"
        + "- Refusals are problem details with a stable `code`, and nothing is appended: 400 for a body that is not the command (naming "
        + "each field), 404 for an unknown negotiation, party, proposal or statement, 409 for an id already used for something else, 413 "
        + "for a body over 1 MiB, 415 for a body that is not JSON, 422 for a broken rule.\n\n"
        + "Needs a recorder key.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var chain = context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().FirstOrDefault();
        if (chain?.Method.HandlerType.Namespace != typeof(CommandDocumentation).Namespace)
        {
            return Task.CompletedTask;
        }

        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? Contract : $"{operation.Description}\n\n{Contract}";
        return Task.CompletedTask;
    }
}
