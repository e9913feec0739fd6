using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Positions;
using Spectre.Console;

namespace NegotiationTracker.Cli.Output;

public static class PositionsOutput
{
    /// <summary>One section per issue, one row per party: its periods of one stance in the order held, each shift marked.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<PositionHistory> histories)
    {
        if (histories.Count == 0)
        {
            console.MarkupLine("[grey]No positions.[/]");
            return;
        }

        foreach (var issue in histories.GroupBy(h => h.IssueId))
        {
            console.Write(new Rule($"[bold]{Markup.Escape(issue.Key)}[/]").LeftJustified());
            var table = new Table().AddColumns("Party", "Positions");
            foreach (var history in issue)
            {
                table.AddRow(Markup.Escape(history.PartyId), string.Join(" → ", history.Periods.Select(p => Period(history, p))));
            }

            console.Write(table);
        }
    }

    /// <returns>"supports since 2020-02 (s1, s2 [contested])", with " [shift]" after a change of stance.</returns>
    private static string Period(PositionHistory history, StancePeriod period)
    {
        var statements = period.StatementIds.Select(id => Markup.Escape(id)
            + (history.Evidence.Any(e => e.StatementId == id && e.Contested) ? " [yellow](contested)[/]" : ""));
        var shift = period.IsShift ? " [bold yellow][[shift]][/]" : "";
        return $"[bold]{period.Stance.Word()}[/] since {period.Since} ({string.Join(", ", statements)}){shift}";
    }
}
