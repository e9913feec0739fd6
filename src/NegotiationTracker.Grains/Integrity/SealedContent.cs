using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// What an event's seal covers, apart from the link to the event before it and its version: stream key, stored event type
/// name, canonical JSON of the data, said date, recorded-at (microseconds, what PostgreSQL keeps) and recorded-by.
/// Encoded once, so verification can try a second version without serialising the data again.
/// </summary>
public sealed class SealedContent
{
    // Part of the seal format: a hash of anything else can never pass for a seal.
    private static readonly byte[] FormatTag = Encoding.UTF8.GetBytes("negotiation-tracker/event-seal/v1");

    private readonly byte[] body;

    public SealedContent(string streamKey, string eventType, byte[] canonicalData, string? said, DateTimeOffset recordedAt, string? recordedBy)
    {
        var buffer = new ArrayBufferWriter<byte>(canonicalData.Length + 256);
        Field(buffer, Encoding.UTF8.GetBytes(streamKey));
        Field(buffer, Encoding.UTF8.GetBytes(eventType));
        Field(buffer, canonicalData);
        Field(buffer, said is null ? null : Encoding.UTF8.GetBytes(said));
        Field(buffer, Encoding.UTF8.GetBytes(Instant(recordedAt)));
        Field(buffer, recordedBy is null ? null : Encoding.UTF8.GetBytes(recordedBy));
        body = buffer.WrittenSpan.ToArray();
    }

    /// <summary>The content of an event as the store holds it (or as it is about to be appended, once stamped).</summary>
    public static SealedContent Of(IEvent e, string? streamKey = null) => new(
        streamKey ?? e.StreamKey ?? throw new InvalidOperationException("the event has no stream key"),
        e.EventTypeName ?? throw new InvalidOperationException($"{e.Data.GetType().Name} has no stored event type name"),
        CanonicalJson.Of(e.Data),
        SaidDate.Of(e.Data)?.ToString(),
        e.Timestamp,
        e.UserName);

    /// <summary>SHA-256 of (format, previous hash, version, content); previous is empty for a stream's first event.</summary>
    public byte[] Hash(ReadOnlySpan<byte> previous, long version)
    {
        var length = 4 + FormatTag.Length + 4 + previous.Length + 8 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = rented.AsSpan(0, length);
            var at = 0;
            BinaryPrimitives.WriteInt32BigEndian(span[at..], FormatTag.Length);
            at += 4;
            FormatTag.CopyTo(span[at..]);
            at += FormatTag.Length;
            BinaryPrimitives.WriteInt32BigEndian(span[at..], previous.Length);
            at += 4;
            previous.CopyTo(span[at..]);
            at += previous.Length;
            BinaryPrimitives.WriteInt64BigEndian(span[at..], version);
            at += 8;
            body.CopyTo(span[at..]);
            return SHA256.HashData(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>PostgreSQL keeps microseconds; .NET stamps 100 ns ticks. Whatever is sealed must survive the round trip.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    private static string Instant(DateTimeOffset instant) =>
        ToMicroseconds(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // Length-prefixed (big-endian int32, -1 for null) so no two different field lists encode alike.
    private static void Field(ArrayBufferWriter<byte> buffer, byte[]? value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value?.Length ?? -1);
        buffer.Advance(4);
        if (value is not null)
        {
            buffer.Write(value);
        }
    }
}
