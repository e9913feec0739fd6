using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Server.Endpoints.Queries;

/// <summary>
/// Query-string values the endpoints parse themselves (partial dates, bounded numbers). Every problem is collected, so one
/// 400 names each bad field, as the CLI's option parser reports each bad option.
/// </summary>
internal sealed class QueryValues
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    /// <summary>The 400 to answer with, or null when every value is good.</summary>
    public IResult? Problem => errors.Count == 0 ? null : Problems.Invalid(errors);

    /// <summary>Each bad field and what is wrong with it; the web view shows them on a page of its own.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => errors;

    public void Reject(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

    public PartialDate? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        Reject(field, $"'{text}' is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone");
        return null;
    }

    /// <summary>true or false, read here rather than bound, so a page can answer a bad value with a page of its own.</summary>
    public bool? Flag(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        Reject(field, $"'{text}' is not true or false");
        return null;
    }

    public IReadOnlyList<PartialDate> Dates(string field, string[]? texts) =>
        (texts ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Date(field, t)).OfType<PartialDate>().ToList();

    /// <returns>The value, or <paramref name="fallback"/> when it is not given.</returns>
    public int Number(string field, int? value, int fallback, int min, int max)
    {
        if (value is not { } given)
        {
            return fallback;
        }

        if (given < min || given > max)
        {
            Reject(field, max == int.MaxValue ? $"{given} is below {min}" : $"{given} is not between {min} and {max}");
            return fallback;
        }

        return given;
    }

    /// <summary>Which statements a stance view takes as evidence: <c>excludeContested</c> and <c>minCredibility</c> (1–6).</summary>
    public EvidenceFilter Evidence(bool? excludeContested, int? minCredibility) =>
        new(excludeContested ?? false, minCredibility is null ? null : Number("minCredibility", minCredibility, 6, 1, 6));

    /// <summary>A filter left empty (<c>?party=</c>) filters nothing.</summary>
    public static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A recorded-by filter (see <see cref="RecorderFilter"/>): null when not given, or when it names no one (rejected).</summary>
    public string? RecordedBy(string field, string? text)
    {
        if (Filter(text) is not { } given)
        {
            return null;
        }

        if (RecorderFilter.Parse(field, given).Rejection is { } rejection)
        {
            Reject(field, rejection.Message);
            return null;
        }

        return given;
    }
}
