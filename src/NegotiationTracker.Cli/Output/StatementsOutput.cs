using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Statements;
using Spectre.Console;

namespace NegotiationTracker.Cli.Output;

public static class StatementsOutput
{
    public static void Write(IAnsiConsole console, IReadOnlyList<StatementView> statements, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(statements, Formats.Json));
                return;
            case OutputFormat.Csv:
                WriteCsv(console.Profile.Out.Writer, statements);
                return;
        }

        // One block per statement rather than a wide table: statement texts are long and terminals are often 80 columns.
        console.Write(new Rule($"Statements ({statements.Count})").LeftJustified());
        foreach (var s in statements)
        {
            var who = s.SpeakerApart is { } speaker ? $"[bold]{Markup.Escape(speaker)}[/] for {Markup.Escape(s.PartyName)}" : $"[bold]{Markup.Escape(s.PartyName)}[/]";
            var stance = s.Stance is { } st ? $", [bold]{st.Word()}[/]" : "";
            var issues = s.Issues.Count == 0 ? "" : $" on {Markup.Escape(string.Join(", ", s.Issues))}";
            var marker = s.Status == "standing" ? "" : $" [red]{s.Status.ToUpperInvariant()}[/]";
            marker += s.Denied ? " [yellow]DENIED[/]" : "";
            marker += s.Credibility is { } credibility ? $" [grey]credibility {credibility}[/]" : "";
            console.MarkupLine($"[blue]{s.Said}[/]  {who}  [grey]{s.Kind.Word()}{stance}{issues}[/]{marker}");
            console.Write(new Padder(new Paragraph(s.Text), new Padding(4, 0, 0, 0)));
            var source = s.Source is null ? "no source" : $"according to {(s.Source.Outlet is null ? s.Source.Title : $"{s.Source.Title}, {s.Source.Outlet}")}";
            console.MarkupLine($"    [grey]{s.Attribution.Word()}, {Markup.Escape(source)} · {Markup.Escape(s.Id)} · recorded {s.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {Markup.Escape(s.RecordedBy ?? "unknown")} · #{s.Sequence}[/]");
            foreach (var note in s.Annotations)
            {
                console.MarkupLine($"    [yellow]{Markup.Escape(note.Reading())}[/] [grey]· recorded {note.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {Markup.Escape(note.RecordedBy ?? "unknown")}[/]");
            }

            console.WriteLine();
        }
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<StatementView> statements)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteRecords(statements.Select(s => new
        {
            id = s.Id,
            negotiation = s.Negotiation,
            party = s.Party,
            speaker = s.Speaker,
            kind = s.Kind.Word(),
            stance = s.Stance?.Word(),
            issues = string.Join(";", s.Issues),
            text = s.Text,
            attribution = s.Attribution.Word(),
            said = s.Said.ToString(),
            source = s.Source?.Id,
            sourceTitle = s.Source?.Title,
            recordedAt = s.RecordedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            recordedBy = s.RecordedBy,
            sequence = s.Sequence,
            status = s.Status,
            denied = s.Denied,
            credibility = s.Credibility,
        }));
        writer.Flush();
    }
}
