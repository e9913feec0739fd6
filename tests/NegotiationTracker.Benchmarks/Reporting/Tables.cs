using System.Globalization;
using NegotiationTracker.Benchmarks.Measuring;
using Spectre.Console;

namespace NegotiationTracker.Benchmarks.Reporting;

/// <summary>The run as a reader sees it in the terminal: a table per case (median, then min–max), and the targets.</summary>
public static class Tables
{
    public static void Write(CaseReport report, int repeat)
    {
        var figures = report.Rows.SelectMany(r => r.Figures).Select(f => (f.Name, f.Unit)).Distinct().ToList();
        var failures = report.Rows.Any(r => r.Failures.Count > 0);
        var table = new Table()
            .Title($"[bold]Case {report.Number}: {Markup.Escape(report.Name)}[/]")
            .Caption($"median (min–max) of {repeat} repetition(s)")
            .AddColumn("Variant");
        if (report.Rows.Any(r => r.Setting is not null))
        {
            table.AddColumn("Setting");
        }

        foreach (var (name, unit) in figures)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{name} ({unit})")).RightAligned());
        }

        if (failures)
        {
            table.AddColumn("Failures");
        }

        foreach (var row in report.Rows)
        {
            var cells = new List<string> { Markup.Escape(row.Label) };
            if (table.Columns.Count > figures.Count + 1 + (failures ? 1 : 0))
            {
                cells.Add(Markup.Escape(row.Setting ?? ""));
            }

            foreach (var (name, unit) in figures)
            {
                cells.Add(row.Figures.FirstOrDefault(f => f.Name == name && f.Unit == unit) is { } figure ? Markup.Escape(Summary(figure)) : "");
            }

            if (failures)
            {
                cells.Add(row.Failures.Count == 0 ? "0" : Markup.Escape(string.Join("; ", row.Failures.Select(f => $"{f.Value:N0} × {f.Key}"))));
            }

            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
        foreach (var ratio in report.Ratios)
        {
            AnsiConsole.MarkupLine($"  ratio {Markup.Escape(ratio.Name)}: [bold]{Markup.Escape(Summary(ratio))}[/]");
        }

        foreach (var note in report.Notes)
        {
            AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(note)}[/]");
        }

        AnsiConsole.WriteLine();
    }

    public static void WriteTargets(IReadOnlyList<TargetCheck> targets, double scale)
    {
        var table = new Table()
            .Title("[bold]Targets[/]")
            .Caption(scale == 1 ? "at the issue's sizes" : $"at --scale {scale.ToString(CultureInfo.InvariantCulture)}: sizes are not the issue's, see each note")
            .AddColumns("Case", "Target", "Measured", "Threshold", "", "Note");
        foreach (var target in targets)
        {
            table.AddRow(
                Markup.Escape(target.Case),
                Markup.Escape(target.Target),
                Markup.Escape(Number(target.Measured, target.Unit)),
                Markup.Escape($"{Operator(target.Comparison)} {Number(target.Threshold, target.Unit)}"),
                target.Met ? "[green]met[/]" : "[red]missed[/]",
                Markup.Escape(target.Note ?? ""));
        }

        AnsiConsole.Write(table);
    }

    public static string Summary(Figure figure) =>
        figure.Runs.Count == 1
            ? Number(figure.Median, figure.Unit)
            : $"{Number(figure.Median, figure.Unit)} ({Number(figure.Min, figure.Unit, withUnit: false)}–{Number(figure.Max, figure.Unit, withUnit: false)})";

    private static string Operator(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.Below => "<",
        _ => "≤",
    };

    public static string Number(double value, string unit, bool withUnit = true)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        var format = unit switch
        {
            "ms" => value < 10 ? "N2" : "N1",
            "s" => value < 10 ? "N3" : "N1",
            // Ratios far below one still need two significant digits to say by how much a target is missed.
            "×" => Math.Abs(value) >= 0.1 ? "N2" : "G2",
            "MB" => "N1",
            _ => Math.Abs(value) < 10 && value != Math.Round(value) ? "N2" : "N0",
        };
        var number = value.ToString(format, CultureInfo.InvariantCulture);
        return withUnit && unit == "×" ? number + "×" : number;
    }
}
