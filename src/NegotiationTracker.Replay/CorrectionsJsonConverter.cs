using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Replay;

/// <summary>
/// A diff's corrections are events of several types, and some have the same fields (a retraction and a denial), so each is
/// written with a <c>kind</c> (the statement log's annotation words) before its fields. A reader of the JSON can then tell
/// them apart, and the CLI reading a server's diff gets back the very events the database path holds.
/// </summary>
public sealed class CorrectionsJsonConverter : JsonConverter<IReadOnlyList<object>>
{
    public const string KindProperty = "kind";

    private static readonly IReadOnlyDictionary<Type, string> Kinds = new Dictionary<Type, string>
    {
        [typeof(StatementRetracted)] = "retracted",
        [typeof(StatementDenied)] = "denied",
        [typeof(StatementClarified)] = "clarified",
        [typeof(StatementReported)] = "reported",
        [typeof(ReportCorrected)] = "report-corrected",
        [typeof(RecordAmended)] = "amended",
        [typeof(RecordVoided)] = "voided",
        [typeof(DuplicateLinked)] = "duplicate-linked",
        [typeof(DuplicateUnlinked)] = "duplicate-unlinked",
        [typeof(StatementGraded)] = "graded",
        [typeof(SourceGraded)] = "source-graded",
    };

    /// <summary>Every word <see cref="KindProperty"/> can hold.</summary>
    public static IEnumerable<string> KindWords => Kinds.Values;

    private static readonly IReadOnlyDictionary<string, Type> Types = Kinds.ToDictionary(k => k.Value, k => k.Key);

    /// <summary>The word for a correction's kind, as the JSON writes it and the diff table prints it.</summary>
    public static string Kind(object correction) =>
        Kinds.TryGetValue(correction.GetType(), out var kind) ? kind : JsonNamingPolicy.KebabCaseLower.ConvertName(correction.GetType().Name);

    public override IReadOnlyList<object> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.EnumerateArray()
            .Select(item => item.TryGetProperty(KindProperty, out var kind) && kind.ValueKind == JsonValueKind.String && Types.TryGetValue(kind.GetString()!, out var type)
                ? item.Deserialize(type, options) ?? throw new JsonException($"a correction of kind {kind} is empty")
                : item.Clone())
            .ToList();
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<object> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var correction in value)
        {
            writer.WriteStartObject();
            writer.WriteString(KindProperty, Kind(correction));
            foreach (var field in JsonSerializer.SerializeToElement(correction, correction.GetType(), options).EnumerateObject())
            {
                field.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
