using System.Text.Json;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Reports;
using Spectre.Console;

namespace NegotiationTracker.Cli.Output;

public static class SearchOutput
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SearchHit> hits, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(hits, Formats.Json));
                return;
            case OutputFormat.Csv:
                Csv.SearchHits(console.Profile.Out.Writer, hits);
                return;
        }

        // One block per hit, as the statement log prints: the passage that matched, its words marked «so».
        console.Write(new Rule($"Matches ({hits.Count})").LeftJustified());
        foreach (var hit in hits)
        {
            var s = hit.Statement;
            console.MarkupLine($"[blue]{s.Said}[/]  {StatementsOutput.Who(s)}  [grey]{Markup.Escape(s.Negotiation)}/{Markup.Escape(s.Id)} · rank {hit.Rank:0.####}[/]{StatementsOutput.Standing(s)}");
            console.Write(new Padder(new Paragraph(hit.Highlight), new Padding(4, 0, 0, 0)));
            console.WriteLine();
        }
    }
}
