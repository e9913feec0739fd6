using System.Net;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Endpoints;
using Wolverine.Http;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Sign-in for people using the web view in a browser: they paste their API key once and the server opens a session
/// (<see cref="BrowserSession"/>) whose random token goes into an HttpOnly, SameSite=Strict cookie; the key itself never
/// leaves the form. The session ends at its expiry, at sign-out, or when its key is revoked.
/// </summary>
public static class SignInEndpoints
{
    [WolverineGet("/sign-in")]
    [Tags("Web view"), EndpointSummary("The sign-in page of the web view")]
    [EndpointDescription("A form that takes an API key once and opens a browser session for the web view. Open to callers without a key; "
        + "returnUrl (a local path) is where the sign-in leads afterwards.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public static IResult Get(string? returnUrl) => Page(returnUrl, problem: null, StatusCodes.Status200OK);

    [WolverinePost("/sign-in")]
    [Tags("Web view"), EndpointSummary("Sign in to the web view with an API key (form field `key`)")]
    [EndpointDescription("A form post (fields `key` and `returnUrl`). A known key opens a session for a fixed lifetime (8 hours by default, "
        + "absolute, not sliding): the `negotiation-session` cookie holds only a random token (HttpOnly, SameSite=Strict), and the answer is "
        + "a 303 to returnUrl when it is a local path, else to `/`. An unknown or revoked key: the page again, 401.")]
    [ProducesResponseType(StatusCodes.Status303SeeOther)]
    [ResponseHeader(StatusCodes.Status303SeeOther, "Location", "Where the browser goes next: the returnUrl, if it is a path on this server, else the negotiations.", Always = true)]
    [ResponseHeader(StatusCodes.Status303SeeOther, "Set-Cookie", "The session cookie: HttpOnly, SameSite=Strict.", Always = true)]
    [ProducesResponseType<string>(StatusCodes.Status401Unauthorized, "text/html")]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, TimeProvider clock, ServerSettings settings,
        CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var presented = form?["key"].ToString();
        var returnUrl = form?["returnUrl"].ToString();
        var key = await ApiKeys.AuthenticateAsync(session, presented, cancellationToken);
        if (key is null)
        {
            return Page(returnUrl, "That key is unknown or revoked.", StatusCodes.Status401Unauthorized);
        }

        var lifetime = settings.SignInLasts;
        var (_, token) = await ApiKeys.SignInAsync(session, key, clock.GetUtcNow(), lifetime, cancellationToken);
        request.HttpContext.Response.Cookies.Append(ApiKeyAuthentication.Cookie, token, SessionCookie(request, lifetime));
        return SeeOther(request.HttpContext, LocalOnly(returnUrl));
    }

    /// <summary>A page with the one button that signs out, carrying the antiforgery token the sign-out needs.</summary>
    [WolverineGet("/sign-out")]
    [Tags("Web view"), EndpointSummary("The sign-out page of the web view")]
    [EndpointDescription("A page with the one button that signs out; the form carries the antiforgery token that POST /sign-out needs.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ResponseHeader(StatusCodes.Status200OK, "Set-Cookie", "The antiforgery cookie the sign-out form's token pairs with, when the browser has none yet.")]
    public static IResult SignOutPage(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Results.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign out · NegotiationTracker</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}button{font:inherit;padding:.4rem 1rem}</style></head>
            <body><h1>Sign out</h1>
            <form method="post" action="/sign-out">
            <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <button type="submit">Sign out</button></form>
            <p><a href="/">Back to the negotiations</a></p></body></html>
            """, "text/html; charset=utf-8");
    }

    /// <summary>
    /// Ends the session the cookie names and clears the cookie. A signed-in request reaches here only with this server's
    /// antiforgery token and a same-origin request (<see cref="CrossSiteRequests"/>), so no other page can sign anyone out.
    /// </summary>
    [WolverinePost("/sign-out")]
    [Tags("Web view"), EndpointSummary("Sign out of the web view: ends the session")]
    [EndpointDescription("Ends the session the cookie names, clears the cookie and answers a 303 to /sign-in. With a session cookie it needs this "
        + "server's antiforgery token and a same-origin request (else 403), so no other page can sign anyone out.")]
    [ProducesResponseType(StatusCodes.Status303SeeOther)]
    [ResponseHeader(StatusCodes.Status303SeeOther, "Location", "The sign-in page.", Always = true)]
    [ResponseHeader(StatusCodes.Status303SeeOther, "Set-Cookie", "Clears the session cookie.", Always = true)]
    public static async Task<IResult> SignOut(HttpRequest request, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (request.Cookies.TryGetValue(ApiKeyAuthentication.Cookie, out var token) && !string.IsNullOrEmpty(token))
        {
            await ApiKeys.SignOutAsync(session, token, cancellationToken);
        }

        request.HttpContext.Response.Cookies.Delete(ApiKeyAuthentication.Cookie, SessionCookie(request, lifetime: null));
        return SeeOther(request.HttpContext, "/sign-in");
    }

    /// <summary>303 See Other: after a form's POST the browser fetches the next page with GET, whatever it posted.</summary>
    private static IResult SeeOther(HttpContext context, string location)
    {
        context.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>HttpOnly (no script reads it), SameSite=Strict (no other site's page makes the browser send it), Secure over HTTPS, gone with the session.</summary>
    private static CookieOptions SessionCookie(HttpRequest request, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        IsEssential = true,
        Path = "/",
        MaxAge = lifetime,
    };

    /// <summary>Only a path on this server: a crafted link must not bounce a signed-in person to another site.</summary>
    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static IResult Page(string? returnUrl, string? problem, int status) => Results.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in · NegotiationTracker</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}input{width:100%;font:inherit;padding:.4rem}
        button{font:inherit;margin-top:.8rem;padding:.4rem 1rem}.problem{color:#a00}</style></head>
        <body><h1>Sign in</h1>
        <p>Paste your API key. An administrator creates one with <code>negotiation keys create --role reader --name "Your name"</code>.</p>
        {{(problem is null ? "" : $"<p class=\"problem\" role=\"alert\">{WebUtility.HtmlEncode(problem)}</p>")}}
        <form method="post" action="/sign-in">
        <label for="key">API key</label><input id="key" name="key" type="password" autocomplete="off" required>
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(LocalOnly(returnUrl))}}">
        <button type="submit">Sign in</button></form></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
