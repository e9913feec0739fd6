using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

/// <summary>The answers every command endpoint can give besides 200, declared once for the OpenAPI document.</summary>
public static class CommandResponses
{
    public static void Apply(HttpChain chain)
    {
        if (chain.Method.HandlerType.Namespace != typeof(CommandResponses).Namespace)
        {
            return;
        }

        chain.Metadata.ProducesValidationProblem();
        chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
        chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
        chain.Metadata.ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        chain.Metadata.ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        chain.Metadata.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
