using NegotiationTracker.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Cross-site request forgery. A browser sends the session cookie with any request to this host, whichever page started
/// it: SameSite=Strict keeps other sites out, but not another port of the same host, which is the same site. So the cookie's
/// authority stops at reading: an unsafe request (POST, PUT, PATCH, DELETE) it authenticates is refused under
/// <c>/api/</c> (API callers send the key in a header, which no form can set), and elsewhere needs both this server's
/// antiforgery token and a same-origin <c>Origin</c> or <c>Sec-Fetch-Site</c>. Requests authenticated by a header are untouched.
/// </summary>
internal static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRequestChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var refusal = await RefusalAsync(context);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        await Results.Problem(title: "Cross-site request refused", detail: refusal, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    });

    /// <returns>Why the request is refused, or null when it may go on.</returns>
    private static async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || !context.User.HasClaim(c => c.Type == ApiKeyAuthentication.SessionClaim)
            // Sign-in is authorized by the key in its form, never by the cookie, so a cookie it carries grants nothing.
            || request.Path.StartsWithSegments("/sign-in"))
        {
            return null;
        }

        if (request.Path.StartsWithSegments("/api"))
        {
            return $"the sign-in cookie does not authorize {request.Method} requests to the API: send the key in the {Wire.ApiKeyHeader} header";
        }

        if (!SameOrigin(request))
        {
            return "the request did not come from this server's own pages (its Origin is another site's, or it has neither Origin nor Sec-Fetch-Site: same-origin)";
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : "the antiforgery token is missing or not valid for this sign-in: reload the page and submit it again";
    }

    /// <summary>
    /// Same origin as the server that received it. Browsers send <c>Origin</c> on every POST and <c>Sec-Fetch-Site</c> on
    /// every request; either one saying "here" is enough. Behind a proxy the request's scheme and host must be the public
    /// ones (forwarded headers), or the Origin comparison fails closed.
    /// </summary>
    private static bool SameOrigin(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
