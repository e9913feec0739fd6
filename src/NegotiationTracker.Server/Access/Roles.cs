using Microsoft.AspNetCore.Authorization;
using NegotiationTracker.Hosting.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Who may call what, decided by route and method for every Wolverine endpoint, so a new endpoint cannot be left open by
/// forgetting an attribute: reads need a reader, anything else a recorder, key management an admin. Health checks, sign-in and
/// sign-out are open; reads are opened to anonymous callers only when the server is started with that setting.
/// </summary>
public static class Roles
{
    public const string ReadPolicy = "read";
    public const string RecordPolicy = "record";
    public const string AdminPolicy = "admin";

    public static string Name(ApiRole role) => role.ToString().ToLowerInvariant();

    public static void AddPolicies(AuthorizationOptions options, bool anonymousReads)
    {
        options.AddPolicy(ReadPolicy, policy =>
        {
            if (anonymousReads)
            {
                policy.RequireAssertion(_ => true);
            }
            else
            {
                policy.RequireRole(Name(ApiRole.Reader));
            }
        });
        options.AddPolicy(RecordPolicy, policy => policy.RequireRole(Name(ApiRole.Recorder)));
        options.AddPolicy(AdminPolicy, policy => policy.RequireRole(Name(ApiRole.Admin)));
    }

    public static void Apply(HttpChain chain)
    {
        var route = chain.RoutePattern?.RawText ?? "";
        if (route.StartsWith("/health", StringComparison.Ordinal) || route.StartsWith("/sign-in", StringComparison.Ordinal)
            // Ending a sign-in needs no role; a signed-in request still passes the cross-site checks first.
            || route.StartsWith("/sign-out", StringComparison.Ordinal))
        {
            return;
        }

        var policy = route.StartsWith("/api/keys", StringComparison.Ordinal) ? AdminPolicy
            : chain.HttpMethods.All(m => m is "GET" or "HEAD") ? ReadPolicy
            : RecordPolicy;
        chain.RequireAuthorization(policy);
        chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized);
        if (policy != ReadPolicy)
        {
            chain.Metadata.ProducesProblem(StatusCodes.Status403Forbidden);
        }
    }
}
