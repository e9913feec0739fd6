using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Grains;

namespace NegotiationTracker.Server.Endpoints.Commands;

/// <summary>What a recorded command answers: the stream written to, how many events were appended (0 when it was already recorded) and the version after.</summary>
public sealed record CommandAccepted(string Stream, int Appended, long Version);

/// <summary>How a grain's answer becomes an HTTP status and body. Rejection codes map one to one: clients may switch on either.</summary>
public static class CommandOutcome
{
    public static (int Status, object Body) Of(string stream, CommandResult result)
    {
        if (result.Rejection is not { } rejection)
        {
            return (StatusCodes.Status200OK, new CommandAccepted(stream, result.Appended, result.Version));
        }

        if (rejection.Code == "invalid-field")
        {
            return (StatusCodes.Status400BadRequest, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [rejection.Field ?? "request"] = [rejection.Message] })
            {
                Title = "Invalid field; nothing was appended",
                Detail = rejection.Message,
                Status = StatusCodes.Status400BadRequest,
                Extensions = { ["code"] = rejection.Code },
            });
        }

        var (status, title) = rejection.Code switch
        {
            "not-found" => (StatusCodes.Status404NotFound, "Not found; nothing was appended"),
            "conflict" => (StatusCodes.Status409Conflict, "Conflict; nothing was appended"),
            _ => (StatusCodes.Status422UnprocessableEntity, "The command breaks a rule; nothing was appended"),
        };
        var problem = new ProblemDetails { Title = title, Detail = rejection.Message, Status = status, Extensions = { ["code"] = rejection.Code } };
        if (status == StatusCodes.Status409Conflict)
        {
            // What the caller needs to read the stream again and decide on what it says now.
            problem.Extensions["stream"] = stream;
            problem.Extensions["currentVersion"] = result.Version;
        }

        return (status, problem);
    }
}
