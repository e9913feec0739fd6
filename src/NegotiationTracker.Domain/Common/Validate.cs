using System.Text.RegularExpressions;

namespace NegotiationTracker.Domain.Common;

/// <summary>Field checks shared by every command. Each returns a rejection naming the field, or null when the value is fine.</summary>
public static partial class Validate
{
    public const int MaxIdLength = 64;
    public const int MaxTitleLength = 300;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxReasonLength = 2_000;
    public const int MaxUrlLength = 2_000;
    public const int MaxListLength = 100;

    /// <summary>What an id must look like (at most <see cref="MaxIdLength"/> characters): lower-case letters, digits and single hyphens.</summary>
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [GeneratedRegex(SlugPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Slugs();

    public static Rejection? Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Rejection.Invalid(field, $"{field} is required");
        }

        if (value.Length > MaxIdLength || !Slugs().IsMatch(value))
        {
            return Rejection.Invalid(field, $"{field} '{Shorten(value)}' is not a slug: use lower-case letters, digits and single hyphens, at most {MaxIdLength} characters (e.g. al-sudani)");
        }

        return null;
    }

    public static Rejection? OptionalSlug(string field, string? value) => value is null ? null : Slug(field, value);

    /// <summary>One-line text: titles, names, reasons. No control characters, no bidirectional overrides that could disguise it.</summary>
    public static Rejection? Line(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Rejection.Invalid(field, $"{field} is required") : null;
        }

        if (value.Length > maxLength)
        {
            return Rejection.Invalid(field, $"{field} is {value.Length} characters long; the limit is {maxLength}");
        }

        return ControlCharacter(field, value, c => char.IsControl(c) || IsBidiControl(c));
    }

    /// <summary>Free text such as a statement: line breaks and tabs are kept, other control characters refused.</summary>
    public static Rejection? Text(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Rejection.Invalid(field, $"{field} is required");
        }

        if (value.Length > maxLength)
        {
            return Rejection.Invalid(field, $"{field} is {value.Length} characters long; the limit is {maxLength}");
        }

        return ControlCharacter(field, value, c => (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || IsBidiControl(c));
    }

    public static Rejection? Url(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxUrlLength
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return Rejection.Invalid(field, $"{field} '{Shorten(value)}' is not an http(s) URL");
        }

        return null;
    }

    /// <summary>Nothing can have been said after the moment it is recorded.</summary>
    public static Rejection? NotInFuture(string field, PartialDate? date, DateTimeOffset now) =>
        date is { } d && d.Start > now
            ? Rejection.Invalid(field, $"{field} {d} is in the future")
            : null;

    public static Rejection? Distinct(string field, IReadOnlyCollection<string> values)
    {
        if (values.Count > MaxListLength)
        {
            return Rejection.Invalid(field, $"{field} has {values.Count} entries; the limit is {MaxListLength}");
        }

        var repeated = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : Rejection.Invalid(field, $"{field} names '{repeated.Key}' twice");
    }

    public static Rejection? First(params Rejection?[] checks) => checks.FirstOrDefault(c => c is not null);

    // Searched by position, not with FirstOrDefault: NUL is char's default value and would pass unnoticed.
    private static Rejection? ControlCharacter(string field, string value, Func<char, bool> refused)
    {
        var at = Array.FindIndex(value.ToCharArray(), c => refused(c));
        return at >= 0 ? Rejection.Invalid(field, $"{field} contains the control character U+{(int)value[at]:X4} at position {at + 1}") : null;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
