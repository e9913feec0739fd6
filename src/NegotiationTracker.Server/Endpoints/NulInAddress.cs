namespace NegotiationTracker.Server.Endpoints;

/// <summary>
/// Refuses a path or query value holding U+0000 with a 400 before any endpoint runs. PostgreSQL text cannot hold that
/// character, so such a value can match nothing; handed to a query as a parameter, it made PostgreSQL refuse the whole
/// query, a 500 (found by the fuzz tests: <c>/api/verification?negotiation=%00</c>). A <c>%00</c> in the path never gets
/// here: Kestrel refuses that request target while parsing it, before any middleware, and <see cref="KestrelRefusals"/>
/// turns its empty 400 into a problem; the path check is for a server that lets one through.
/// </summary>
internal static class NulInAddress
{
    public static IApplicationBuilder RefuseNulInAddress(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Field(context.Request) is { } field)
        {
            await Problems.Invalid(field, $"{field} holds a NUL character (U+0000), which no id, name or date has").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static string? Field(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0') == true)
        {
            return "path";
        }

        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
            {
                return name.Replace("\0", "", StringComparison.Ordinal);
            }
        }

        return null;
    }
}
