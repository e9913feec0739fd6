using System.Net;
using System.Text.RegularExpressions;

namespace NegotiationTracker.Reports;

/// <summary>Makes user text inert in HTML and SVG: statement texts come from outside, and may hold markup or script.</summary>
public static partial class Html
{
    /// <summary>Text for element content and quoted attribute values: &lt; &gt; &amp; and both quotes are encoded.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An element id for an id from the ledger; ids are slugs, but nothing guarantees it, so anything else becomes a dash.</summary>
    public static string Id(string prefix, string id) => $"{prefix}-{NotId().Replace(id, "-")}";

    [GeneratedRegex(@"[^A-Za-z0-9_-]")]
    private static partial Regex NotId();
}
