using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace NegotiationTracker.Testing;

public enum CellKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
}

/// <summary>A cell as a spreadsheet sees it: its kind, and its value as stored (a date's as its ISO 8601 text).</summary>
public sealed record WorkbookCell(CellKind Kind, string Value);

/// <summary>A sheet's rows, the header first, each cell at its column; and whether the header row is frozen.</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<IReadOnlyList<WorkbookCell>> Rows, bool HeaderFrozen)
{
    public IReadOnlyList<string> Header => Rows[0].Select(c => c.Value).ToList();

    /// <summary>Each row under the header by column name.</summary>
    public IReadOnlyList<Dictionary<string, WorkbookCell>> Records =>
        Rows.Skip(1).Select(row => Header.Select((name, i) => (name, Cell: i < row.Count ? row[i] : new WorkbookCell(CellKind.Empty, "")))
            .ToDictionary(c => c.name, c => c.Cell)).ToList();
}

/// <summary>
/// An .xlsx file read back with the Open XML SDK, a parser independent of the library that wrote it (MiniExcel), so a test
/// sees what another spreadsheet tool would: cell types from the cell's <c>t</c> attribute, dates from its style's number format.
/// Linked into each test project that reads a workbook.
/// </summary>
public static class Workbook
{
    /// <summary>The built-in number formats that show a date or a time (ECMA-376 part 1, 18.8.30).</summary>
    private static readonly HashSet<uint> DateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    public static IReadOnlyList<WorkbookSheet> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var dateStyles = stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value ?? 0)
            .Select(id => DateFormats.Contains(id) || custom.TryGetValue(id, out var code) && IsDateCode(code))
            .ToList() ?? [];

        return workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
            var pane = worksheet.Descendants<Pane>().FirstOrDefault();
            var frozen = pane?.State?.Value == PaneStateValues.Frozen && pane.VerticalSplit?.Value == 1;
            var rows = worksheet.Descendants<Row>().Select(row =>
            {
                var cells = new List<WorkbookCell>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Column(cell.CellReference!.Value!);
                    while (cells.Count < column)
                    {
                        cells.Add(new WorkbookCell(CellKind.Empty, ""));
                    }

                    cells.Add(Read(cell, shared, dateStyles));
                }

                return (IReadOnlyList<WorkbookCell>)cells;
            }).ToList();
            return new WorkbookSheet(sheet.Name!.Value!, rows, frozen);
        }).ToList();
    }

    private static WorkbookCell Read(Cell cell, List<string> shared, List<bool> dateStyles)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new WorkbookCell(CellKind.Text, shared[int.Parse(value, CultureInfo.InvariantCulture)]);
        }

        if (type == CellValues.String || type == CellValues.InlineString)
        {
            return new WorkbookCell(CellKind.Text, value);
        }

        if (type == CellValues.Boolean)
        {
            return new WorkbookCell(CellKind.Boolean, value == "1" ? "True" : "False");
        }

        if (value.Length == 0)
        {
            return new WorkbookCell(CellKind.Empty, "");
        }

        var style = (int)(cell.StyleIndex?.Value ?? 0);
        if (style < dateStyles.Count && dateStyles[style])
        {
            var date = DateTime.FromOADate(double.Parse(value, CultureInfo.InvariantCulture));
            return new WorkbookCell(CellKind.Date, date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
        }

        return new WorkbookCell(CellKind.Number, value);
    }

    /// <summary>A custom number format that shows a date: one with a day, month or year in it outside quoted text.</summary>
    private static bool IsDateCode(string code)
    {
        var unquoted = string.Concat(code.Split('"').Where((_, i) => i % 2 == 0));
        return unquoted.IndexOfAny(['y', 'd', 'Y', 'D']) >= 0;
    }

    /// <summary>The column's index from 0, from a reference such as "C7".</summary>
    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (index, letter) => index * 26 + char.ToUpperInvariant(letter) - 'A' + 1) - 1;
}
