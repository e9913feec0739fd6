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

        var table = new Table().Title($"Statements ({statements.Count})").Expand()
            .AddColumn("Said")
            .AddColumn("Who")
            .AddColumn("Kind / stance")
            .AddColumn("Issues")
            .AddColumn(new TableColumn("What") { Width = 60 })
            .AddColumn("According to")
            .AddColumn("Recorded");
        foreach (var s in statements)
        {
            var who = s.SpeakerName is null ? s.PartyName : $"{s.SpeakerName}\n[grey]for {Markup.Escape(s.PartyName)}[/]";
            table.AddRow(
                new Markup(s.Said.ToString()),
                new Markup(s.SpeakerName is null ? Markup.Escape(who) : $"{Markup.Escape(s.SpeakerName)}\n[grey]for {Markup.Escape(s.PartyName)}[/]"),
                new Markup($"{s.Kind.Word()}{(s.Stance is { } st ? $"\n[bold]{st.Word()}[/]" : "")}"),
                new Markup(Markup.Escape(string.Join("\n", s.Issues))),
                new Markup($"[grey]{s.Id} ({s.Attribution.Word()})[/] {Markup.Escape(s.Text)}"),
                new Markup(Markup.Escape(s.Source is null ? "" : s.Source.Outlet is null ? s.Source.Title : $"{s.Source.Title}, {s.Source.Outlet}")),
                new Markup($"[grey]{s.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z\nby {Markup.Escape(s.RecordedBy ?? "?")}\n#{s.Sequence}[/]"));
        }

        console.Write(table);
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
        }));
        writer.Flush();
    }
}
