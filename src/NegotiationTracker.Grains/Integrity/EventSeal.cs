using System.Text.Json;
using JasperFx.Events;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// An event's seal as its writer computed it on append, kept in the event's own headers: its hash, and the hash of the
/// event before it in its stream that it was chained to (empty for the first), lower-case hex.
/// </summary>
public sealed record EventSeal(string Hash, string Previous)
{
    public const string HashHeader = "seal";
    public const string PreviousHeader = "seal-previous";

    /// <summary>The hash a stream's first event is chained to.</summary>
    public const string Genesis = "";

    public static EventSeal? Of(IEvent e) =>
        e.Headers is { } headers && Text(headers, HashHeader) is { } hash
            ? new EventSeal(hash, Text(headers, PreviousHeader) ?? Genesis)
            : null;

    public void WriteTo(IEvent e)
    {
        e.SetHeader(HashHeader, Hash);
        e.SetHeader(PreviousHeader, Previous);
    }

    /// <summary>Both hashes well-formed: 64 lower-case hex digits (the previous one may be empty).</summary>
    public bool IsWellFormed => IsHash(Hash) && (Previous.Length == 0 || IsHash(Previous));

    private static bool IsHash(string text) => text.Length == 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    // Headers come back from the store as JSON elements, and are plain strings before they are saved.
    private static string? Text(Dictionary<string, object> headers, string key) => headers.TryGetValue(key, out var value)
        ? value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            _ => null,
        }
        : null;
}
