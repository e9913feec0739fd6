using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;
using Spectre.Console;
using Recorder = NegotiationTracker.Domain.Common.Recorder;

namespace NegotiationTracker.Cli.Output;

public static class TimelineOutput
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TimelineEntry> entries, bool showNegotiation)
    {
        foreach (var e in entries)
        {
            var when = e.Said?.ToString() ?? "undated";
            var who = e.PartyId is null ? "" : $" [bold]{Markup.Escape(e.PartyId)}[/]";
            var where = showNegotiation ? $" [grey]in {Markup.Escape(e.NegotiationId)}[/]" : "";
            var stance = e.Stance is { } s ? $" ({s.Word()})" : "";
            var marks = StandingMarks.Of(e) is { Length: > 0 } read ? $" [yellow]{Markup.Escape(read.Trim())}[/]" : "";
            console.MarkupLine($"[blue]{when,-10}[/]{who} [grey]{e.Kind}{stance}[/]{marks}{where}: {Markup.Escape(Shorten(e.Title))}");
            console.MarkupLine($"           [grey]#{e.Sequence} recorded {e.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {Markup.Escape(Recorder.Describe(e.RecordedBy))}[/]");
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
