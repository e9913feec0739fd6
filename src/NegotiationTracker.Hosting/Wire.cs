using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationTracker.Hosting;

/// <summary>What the server and its clients (the CLI with --server among them) must agree on over HTTP.</summary>
public static class Wire
{
    /// <summary>The request header that carries an API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>JSON as the API reads and writes it: camelCase names and vocabulary words, never numbers.</summary>
    public static void Json(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Words only: "kind": 3 would silently mean whichever word is fourth today.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Numbers are JSON numbers, never "3" (the web defaults read both, and the OpenAPI document then types every integer as integer-or-string).
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
