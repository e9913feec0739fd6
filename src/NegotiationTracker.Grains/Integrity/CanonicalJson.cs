using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// The one JSON form of an event's data that seals hash. Not the stored jsonb text: PostgreSQL reorders jsonb keys, and
/// Marten's settings may change. This configuration is part of the seal format and must never change; neither may a
/// shipped event's shape (the domain's rule anyway), or the seals of its old events stop matching.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.Default,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>UTF-8 JSON, camelCase names in declaration order, enums as words, no whitespace.</summary>
    public static byte[] Of(object data) => JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), Options);
}
