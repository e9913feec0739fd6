using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NegotiationTracker.IntegrationTests.Reports;

/// <summary>Reads what the tests check in a rendered page: its timeline chart, which is well-formed XML inside the HTML.</summary>
public static partial class HtmlPage
{
    public static XElement Chart(string html)
    {
        var start = html.IndexOf("<svg id=\"timeline-chart\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "no timeline chart");
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(html[start..end]);
    }

    public static IReadOnlyList<XElement> Marks(XElement chart) =>
        chart.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "mark").ToList();

    public static IReadOnlyList<XElement> Lanes(XElement chart) =>
        chart.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "lane").ToList();

    public static (double X, double Y) Position(XElement mark)
    {
        var match = Translate().Match((string?)mark.Attribute("transform") ?? "");
        match.Success.ShouldBeTrue("a mark is placed with translate(x y)");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"translate\(([-\d.]+) ([-\d.]+)\)")]
    private static partial Regex Translate();
}
