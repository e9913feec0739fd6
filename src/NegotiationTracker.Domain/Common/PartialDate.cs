using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationTracker.Domain.Common;

public enum DatePrecision
{
    Year,
    Month,
    Day,
    Instant,
}

/// <summary>
/// A date known only as precisely as the record supports: "2011", "2024-09", "2024-09-27" or an ISO-8601 instant.
/// News rarely gives more than a month, and the ledger must never pretend to know more than its source.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    // An instant keeps the offset its source gave ("15:00+03:00" is printed and stored as such, not as "12:00Z"); periods are
    // at offset zero. Equality, hashing and ordering stay by instant: DateTimeOffset's own equality compares instants, and the
    // compiler's record equality uses it, so "15:00+03:00" equals "12:00Z" as it always did.
    private readonly DateTimeOffset given;

    private PartialDate(DateTimeOffset given, DatePrecision precision)
    {
        this.given = given;
        Precision = precision;
    }

    /// <summary>The first instant the date covers (UTC): what ordering, filters and stored query columns use.</summary>
    public DateTimeOffset Start => given.ToUniversalTime();

    /// <summary>The date's first instant at the offset the source gave it (zero for years, months, days and "Z" instants).</summary>
    public DateTimeOffset AsGiven => given;

    /// <summary>The offset the source gave an instant; zero for the others.</summary>
    public TimeSpan Offset => given.Offset;

    public DatePrecision Precision { get; }

    /// <summary>The first instant after the period the date covers (UTC); equals <see cref="Start"/> for instants.</summary>
    public DateTimeOffset End => Precision switch
    {
        _ when Start.Year == 9999 && Precision != DatePrecision.Instant => DateTimeOffset.MaxValue,
        DatePrecision.Year => Start.AddYears(1),
        DatePrecision.Month => Start.AddMonths(1),
        DatePrecision.Day => Start.AddDays(1),
        _ => Start,
    };

    public static PartialDate Year(int year) => new(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), DatePrecision.Year);

    public static PartialDate Month(int year, int month) => new(new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero), DatePrecision.Month);

    public static PartialDate Day(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), DatePrecision.Day);

    /// <summary>An instant, kept at the offset it is given with.</summary>
    public static PartialDate At(DateTimeOffset instant) => new(instant, DatePrecision.Instant);

    /// <summary>
    /// The same date with an instant moved to UTC: one text per date whatever offset it was written with, for the keys that
    /// say two records are the same fact (and as every instant was stored before offsets were kept).
    /// </summary>
    public PartialDate ToUniversal() => new(Start, Precision);

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var invariant = CultureInfo.InvariantCulture;
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, invariant, out var year) && year >= 1)
        {
            date = Year(year);
            return true;
        }

        if (value.Length == 7 && DateTime.TryParseExact(value, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            date = Month(month.Year, month.Month);
            return true;
        }

        if (value.Length == 10 && DateTime.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            date = Day(day.Year, day.Month, day.Day);
            return true;
        }

        // An instant must say which clock it is on: a bare local time would be a guess.
        string[] instantFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        if (value.Length > 10 && (value.EndsWith('Z') || value[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(value, instantFormats, invariant, DateTimeStyles.None, out var instant))
        {
            date = At(instant);
            return true;
        }

        return false;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone, e.g. 2024-09-27T14:30:00Z");

    /// <summary>Orders by the start of the period, then coarser before finer, so "2024-09" sorts before "2024-09-01".</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Start.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => given.ToString(
            (given.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF") + (given.Offset == TimeSpan.Zero ? "'Z'" : "zzz"),
            CultureInfo.InvariantCulture),
    };
}

/// <summary>Stores a partial date as its text, so stored events read as the source said it.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A bare year written as a JSON number is read as that year; any other number is not a date.
        var text = reader.TokenType == JsonTokenType.Number
            ? reader.TryGetInt32(out var year) ? year.ToString(CultureInfo.InvariantCulture) : null
            : reader.GetString();
        return PartialDate.TryParse(text, out var date) ? date : throw new JsonException($"'{text}' is not a partial date");
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
