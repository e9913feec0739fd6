using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// A checkpoint as a small JSON file to keep outside the database (another machine, a ticket, a signed e-mail): whoever holds
/// it can later check that the log still begins with exactly the events it covered.
/// </summary>
public static class CheckpointFile
{
    public const string Format = "negotiation-tracker/checkpoint/v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(LogCheckpointed checkpoint) => JsonSerializer.Serialize(
        new Document(Format, checkpoint.UpToSequence, checkpoint.EventCount, checkpoint.RootHash, checkpoint.At, "RFC 6962 Merkle tree, SHA-256, leaves are event seals in sequence order"),
        Json);

    /// <exception cref="FormatException">The text is not a checkpoint file of this format.</exception>
    public static LogCheckpointed Parse(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a checkpoint file: {e.Message}", e);
        }

        if (document is null || document.Format != Format)
        {
            throw new FormatException($"not a checkpoint file: its format is not {Format}");
        }

        if (document.RootHash is not { Length: 64 } root || !root.All(char.IsAsciiHexDigitLower) || document.EventCount < 0 || document.UpToSequence < 0)
        {
            throw new FormatException("not a checkpoint file: upToSequence, eventCount or rootHash is missing or malformed");
        }

        return new LogCheckpointed(document.UpToSequence, document.EventCount, root, document.At);
    }

    private sealed record Document(
        string? Format,
        long UpToSequence,
        long EventCount,
        string? RootHash,
        DateTimeOffset At,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tree);
}
