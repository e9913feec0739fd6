using System.Globalization;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.Reports;

/// <summary>
/// One of the report's tables with its cells still typed (numbers, flags, <see cref="PartialDate"/>s, instants), so the CSV
/// file and the workbook's sheet are laid out once: the CSV writes every cell as text (<see cref="Text"/>), the workbook
/// keeps numbers as numbers and dates as dates.
/// </summary>
/// <param name="Columns">Named as the JSON names them; the CSV file's header and the sheet's.</param>
/// <param name="Types">Each column's declared type, so a date column is known even when it has no rows.</param>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<Type> Types, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A table whose columns are the properties of <typeparamref name="T"/>, in their declared order.</summary>
    public static ReportTable Of<T>(string name, IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties();
        return new ReportTable(name, properties.Select(p => p.Name).ToList(), properties.Select(p => p.PropertyType).ToList(),
            rows.Select(row => (IReadOnlyList<object?>)properties.Select(p => p.GetValue(row)).ToList()).ToList());
    }

    /// <summary>The statement log, as the report's statements table and the <c>statements</c> command's CSV lay it out.</summary>
    public static ReportTable Statements(IEnumerable<StatementView> statements) =>
        Of("statements", statements.Select(s => new
        {
            id = s.Id,
            negotiation = s.Negotiation,
            party = s.Party,
            partyName = s.PartyName,
            speaker = s.Speaker,
            speakerName = s.SpeakerName,
            kind = s.Kind.Word(),
            stance = s.Stance?.Word(),
            issues = Csv.List(s.Issues),
            text = s.Text,
            attribution = s.Attribution.Word(),
            said = s.Said,
            source = s.Source?.Id,
            sourceTitle = s.Source?.Title,
            recordedAt = s.RecordedAt,
            recordedBy = s.RecordedBy,
            sequence = s.Sequence,
            status = s.Status,
            denied = s.Denied,
            credibility = s.Credibility,
            duplicateOf = s.DuplicateOf,
            sourceReliability = s.SourceReliability?.ToString(),
        }));

    /// <summary>A cell as the CSV writes it: a date as its partial-date text, an instant in ISO 8601 UTC, nothing for no value.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string text => text,
        PartialDate date => date.ToString(),
        DateTimeOffset instant => Csv.Instant(instant),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
