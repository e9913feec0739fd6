using System.Security.Cryptography;
using Scalar.AspNetCore;

namespace NegotiationTracker.Server;

/// <summary>
/// The API page (Scalar at <c>/scalar</c>), served from this server alone: its bundled script and styles, the API document,
/// and the requests it sends, all to 'self'. Its own inline start-up script runs by a nonce made for each response.
/// </summary>
internal static class ApiPage
{
    public static void MapApiPage(this WebApplication app) => app.MapScalarApiReference((options, context) =>
    {
        // Hex, not base64: the page writes the nonce into attributes, where a '+' comes out HTML-encoded.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        options.WithNonce(nonce);
        // Scalar's default fonts come from its CDN; the page must work offline, as the web view does.
        options.DisableDefaultFonts();
        context.Response.Headers.ContentSecurityPolicy = Policy(nonce);
    });

    /// <summary>
    /// Scalar injects its styles as inline style elements and attributes at run time, hence 'unsafe-inline' for styles
    /// only; scripts need 'self' (the bundle) or the nonce (the start-up module).
    /// </summary>
    private static string Policy(string nonce) =>
        $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; form-action 'none'; base-uri 'self'; frame-ancestors 'none'";
}
