using System.Net;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Infrastructure.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Sign-in for people using the web view in a browser: they paste their API key once and the server keeps it in an
/// HttpOnly, SameSite=Strict cookie, which the key handler accepts like the header (and no other site can make the browser send).
/// </summary>
public static class SignInEndpoints
{
    [WolverineGet("/sign-in")]
    [Tags("Web view"), EndpointSummary("The sign-in page of the web view")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public static IResult Get(string? returnUrl) => Page(returnUrl, problem: null, StatusCodes.Status200OK);

    [WolverinePost("/sign-in")]
    [Tags("Web view"), EndpointSummary("Sign in to the web view with an API key (form field `key`)")]
    [ProducesResponseType(StatusCodes.Status303SeeOther)]
    [ProducesResponseType<string>(StatusCodes.Status401Unauthorized, "text/html")]
    public static async Task<IResult> Post(HttpRequest request, IQuerySession session, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var presented = form?["key"].ToString();
        var returnUrl = form?["returnUrl"].ToString();
        var key = await ApiKeys.AuthenticateAsync(session, presented, cancellationToken);
        if (key is null)
        {
            return Page(returnUrl, "That key is unknown or revoked.", StatusCodes.Status401Unauthorized);
        }

        request.HttpContext.Response.Cookies.Append(ApiKeyAuthentication.Cookie, presented!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
        return Results.Redirect(LocalOnly(returnUrl), permanent: false, preserveMethod: false);
    }

    [WolverinePost("/sign-in/out")]
    [Tags("Web view"), EndpointSummary("Sign out of the web view")]
    [ProducesResponseType(StatusCodes.Status303SeeOther)]
    public static IResult SignOut(HttpResponse response)
    {
        response.Cookies.Delete(ApiKeyAuthentication.Cookie, new CookieOptions { Path = "/" });
        return Results.Redirect("/sign-in");
    }

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
