using System.Text.RegularExpressions;

namespace NegotiationTracker.Reports;

/// <summary>
/// Makes user text inert in Markdown: statement texts and titles come from news and analysts, and a stray pipe, asterisk or
/// angle bracket must print as itself rather than break a table or open an HTML tag.
/// </summary>
internal static partial class Markdown
{
    /// <summary>One line of inert text: line breaks become spaces, since a break would end a table row or list item.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var line = LineBreaks().Replace(text, " ").Trim();
        line = Specials().Replace(line, @"\$0");
        line = EntityStart().Replace(line, @"\&");

        // Characters that only mean something at the start of a line (headings, list items, block quotes).
        return LineStart().Replace(line, @"$1\");
    }

    /// <summary>The same anchors as the HTML page's ids, so links read alike in both.</summary>
    public static string Anchor(string prefix, string id) => Html.Id(prefix, id);

    public static string Link(string text, string anchor) => $"[{Text(text)}](#{anchor})";

    [GeneratedRegex(@"\s*[\r\n\u2028\u2029]+\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"[\\`*_\[\]<>|~]")]
    private static partial Regex Specials();

    [GeneratedRegex(@"&(?=#?[A-Za-z0-9]+;)")]
    private static partial Regex EntityStart();

    [GeneratedRegex(@"^(\d+(?=[.)])|(?=[#+\-=]))")]
    private static partial Regex LineStart();
}
