using System.Text.Json;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Reports;
using Spectre.Console;
using Recorder = NegotiationTracker.Domain.Common.Recorder;

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
                Csv.Statements(console.Profile.Out.Writer, statements);
                return;
        }

        // One block per statement rather than a wide table: statement texts are long and terminals are often 80 columns.
        console.Write(new Rule($"Statements ({statements.Count})").LeftJustified());
        foreach (var s in statements)
        {
            var who = Who(s);
            var stance = s.Stance is { } st ? $", [bold]{st.Word()}[/]" : "";
            var issues = s.Issues.Count == 0 ? "" : $" on {Markup.Escape(string.Join(", ", s.Issues))}";
            var marker = Standing(s);
            marker += s.Credibility is { } credibility ? $" [grey]credibility {credibility}[/]" : "";
            console.MarkupLine($"[blue]{s.Said}[/]  {who}  [grey]{s.Kind.Word()}{stance}{issues}[/]{marker}");
            console.Write(new Padder(new Paragraph(s.Text), new Padding(4, 0, 0, 0)));
            var source = s.Source is null ? "no source" : $"according to {(s.Source.Outlet is null ? s.Source.Title : $"{s.Source.Title}, {s.Source.Outlet}")}";
            console.MarkupLine($"    [grey]{s.Attribution.Word()}, {Markup.Escape(source)} · {Markup.Escape(s.Id)} · recorded {s.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {Markup.Escape(Recorder.Describe(s.RecordedBy))} · #{s.Sequence}[/]");
            foreach (var note in s.Annotations)
            {
                console.MarkupLine($"    [yellow]{Markup.Escape(note.Reading())}[/] [grey]· recorded {note.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {Markup.Escape(Recorder.Describe(note.RecordedBy))}[/]");
            }

            console.WriteLine();
        }
    }

    /// <summary>Who spoke, as markup: the speaker for the party, or the party alone.</summary>
    public static string Who(StatementView s) =>
        s.SpeakerApart is { } speaker ? $"[bold]{Markup.Escape(speaker)}[/] for {Markup.Escape(s.PartyName)}" : $"[bold]{Markup.Escape(s.PartyName)}[/]";

    /// <summary>How the record stands, as markup: nothing for a standing statement; its status, and whether it is denied.</summary>
    public static string Standing(StatementView s) =>
        (s.Status == StatementRecord.Statuses.Standing ? "" : $" [red]{s.Status.ToUpperInvariant()}[/]") + (s.Denied ? " [yellow]DENIED[/]" : "");
}
