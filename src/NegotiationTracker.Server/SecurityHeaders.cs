using Microsoft.Net.Http.Headers;

namespace NegotiationTracker.Server;

/// <summary>
/// The headers every response carries, whoever wrote it (an endpoint, the API page, the status-code pages, the exception
/// handler): no content sniffing, no address sent to other sites, never inside another site's frame, and a policy for HTML that loads
/// nothing. A response that sets its own Content-Security-Policy keeps it, with <c>frame-ancestors 'none'</c> added.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// HTML that needs nothing but itself and its inline styles, posting forms back here: the web view's pages and the
    /// sign-in page. Ledger text is encoded already; the policy is the second line of defence should a renderer ever miss
    /// a piece, and it keeps the page from fetching anything, as the view must work offline.
    /// </summary>
    public const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; " + NoFraming;

    /// <summary>JSON, text, CSV and scripts: nothing to load or run should a browser ever render one as a page.</summary>
    private const string OtherPolicy = "default-src 'none'; " + NoFraming;

    private const string NoFraming = "frame-ancestors 'none'";

    private const string NoSniffing = "nosniff";

    // The view's addresses name negotiations and filters, which are nobody else's business. Not no-referrer: that also
    // turns the Origin of this site's own form posts into "null", which a CSRF check would want to read.
    private const string SameOriginReferrer = "same-origin";

    private const string NeverFramed = "DENY";

    /// <summary>
    /// The same headers for a JSON answer, as raw header lines: for the refusals Kestrel writes itself, before any middleware
    /// (see <see cref="KestrelRefusals"/>).
    /// </summary>
    public const string ForData = "X-Content-Type-Options: " + NoSniffing + "\r\nReferrer-Policy: " + SameOriginReferrer + "\r\nX-Frame-Options: "
        + NeverFramed + "\r\nContent-Security-Policy: " + OtherPolicy + "\r\n";

    /// <summary>Runs first, so the headers are set even on the responses the exception handler and the status-code pages write.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // At OnStarting the endpoint has chosen its content type and policy; the exception handler clears headers but
        // not these callbacks, so its responses get them too.
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            var headers = response.Headers;
            headers.XContentTypeOptions = NoSniffing;
            headers["Referrer-Policy"] = SameOriginReferrer;
            headers.XFrameOptions = NeverFramed;
            headers.ContentSecurityPolicy = Policy(headers.ContentSecurityPolicy.ToString(), response.ContentType);
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });

    private static string Policy(string own, string? contentType) => own switch
    {
        "" when IsHtml(contentType) => HtmlPolicy,
        "" => OtherPolicy,
        _ when own.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase) => own,
        _ => $"{own.TrimEnd().TrimEnd(';')}; {NoFraming}",
    };

    private static bool IsHtml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);
}
