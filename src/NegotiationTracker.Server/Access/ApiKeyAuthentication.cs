using System.Security.Claims;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Hosting.Access;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Authenticates a request by the API key it presents: the <c>X-Api-Key</c> header, <c>Authorization: Bearer</c>, or (for
/// the web view in a browser) the session cookie the sign-in page sets, which names a stored session and through it a key.
/// The key's name becomes the user, and so (as a key holder, <see cref="RecordedBy"/>) the <c>recordedBy</c> of every event the
/// request appends; its role becomes the
/// role claims it is allowed (each role includes those below it). A request authenticated by the cookie carries the
/// <see cref="SessionClaim"/>, which <see cref="CrossSiteRequests"/> reads.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IQuerySession session,
        TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    /// <summary>The web view's session cookie: a random token naming a stored session, never the key.</summary>
    public const string Cookie = "negotiation-session";
    public const string KeyIdClaim = "key-id";
    public const string SessionClaim = "session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is not null)
        {
            var key = await ApiKeys.AuthenticateAsync(session, presented, Context.RequestAborted);
            return key is null ? AuthenticateResult.Fail("the API key is unknown or revoked") : Success(key, sessionId: null);
        }

        if (!Request.Cookies.TryGetValue(Cookie, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        var signedIn = await ApiKeys.ResolveSessionAsync(session, token, clock.GetUtcNow(), Context.RequestAborted);
        return signedIn is { } live
            ? Success(live.Key, live.Session.Id)
            : AuthenticateResult.Fail("the sign-in has expired or ended, or its key was revoked");
    }

    private static AuthenticateResult Success(ApiKey key, string? sessionId)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new(KeyIdClaim, key.Id) };
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        claims.AddRange(Enum.GetValues<ApiRole>().Where(role => role <= key.Role).Select(role => new Claim(ClaimTypes.Role, Roles.Name(role))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>401 as problem details for the API; a browser asking for a page is sent to the sign-in page instead.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (WantsPage(Request))
        {
            Response.Redirect($"/sign-in?returnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await Results.Problem(title: "Unauthorized",
                detail: Presented(Request) is not null ? "the API key is unknown or revoked"
                    : Request.Cookies.ContainsKey(Cookie) ? "the sign-in has expired or ended, or its key was revoked: sign in again"
                    : $"send an API key in the {Header} header (create one with: negotiation keys create --role reader --name NAME)",
                statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(title: "Forbidden", detail: $"the key of {Context.User.Identity?.Name} does not have the role this needs",
                statusCode: StatusCodes.Status403Forbidden)
            .ExecuteAsync(Context);
    }

    /// <summary>
    /// The recorded-by of what an authenticated request appends: its key's holder, stored as <c>key:NAME</c> so it is never
    /// taken for an OS user of the same name.
    /// </summary>
    public static string RecordedBy(ClaimsPrincipal user) =>
        Recorder.KeyHolder(user.Identity?.Name ?? throw new InvalidOperationException("only an authenticated request records: the endpoint needs a key")).Stored;

    /// <summary>The key a request sends in a header, if any; a header wins over the cookie.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return null;
    }

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
