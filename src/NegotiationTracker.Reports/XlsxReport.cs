using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Reports;

/// <summary>
/// The report as one workbook: a sheet per CSV table (<see cref="CsvReport.Tables"/>), named after it, with the same
/// columns under a frozen header row. Numbers and flags are numbers and booleans; a date said to the day, and every instant,
/// is a spreadsheet date (the instant in UTC). A date known only to the month or year stays text ("2024-09"): a spreadsheet
/// date is one day, and writing the first of the month would claim a precision the source never gave.
/// Text is never a formula here, so it is written as given, without the CSV's <c>'</c> guard.
/// </summary>
public static class XlsxReport
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string DayFormat = "yyyy-mm-dd";

    private const string InstantFormat = "yyyy-mm-dd hh:mm:ss";

    public static byte[] Render(NegotiationReport report)
    {
        var tables = CsvReport.Tables.Select(table => CsvReport.Table(report, table)).ToList();
        // The writer formats a column by name in every sheet; a name means the same kind of value in each table.
        var formats = tables
            .SelectMany(t => t.Columns.Zip(t.Types, (column, type) => (column, Format: Format(type))))
            .Where(c => c.Format is not null)
            .DistinctBy(c => c.column)
            .Select(c => new DynamicExcelColumn(c.column) { Format = c.Format })
            .ToArray();
        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, DynamicColumns = formats };
        // Insertion order is sheet order.
        var sheets = tables.ToDictionary(t => t.Name, t => (object)Sheet(t));
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    private static string? Format(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(PartialDate) => DayFormat,
            var t when t == typeof(DateTimeOffset) => InstantFormat,
            _ => null,
        };

    /// <summary>A table rather than a list of rows, so a sheet with no rows still has its header.</summary>
    private static DataTable Sheet(ReportTable table)
    {
        var sheet = new DataTable(table.Name);
        foreach (var column in table.Columns)
        {
            // Untyped: one column holds a date on one row and a month's text on the next.
            sheet.Columns.Add(column, typeof(object));
        }

        foreach (var row in table.Rows)
        {
            sheet.Rows.Add(row.Select(Cell).ToArray());
        }

        return sheet;
    }

    private static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        PartialDate { Precision: DatePrecision.Day } day => day.AsGiven.Date,
        PartialDate { Precision: DatePrecision.Instant } instant => instant.Start.UtcDateTime,
        PartialDate date => date.ToString(),
        DateTimeOffset instant => instant.UtcDateTime,
        _ => value,
    };
}
