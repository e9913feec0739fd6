using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NegotiationTracker.Hosting.Tests.Architecture;

/// <summary>
/// Every relative link in the README and the docs points to a file of the repository, and every anchor to a heading of its
/// target, with headings named as GitHub names them: docs that moved or were renamed cannot leave dead links behind.
/// </summary>
public sealed class every_link_in_the_docs_resolves
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .Build();

    public static TheoryData<string> Documents()
    {
        var root = Repository.Root;
        var documents = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md")))
        {
            documents.Add(Path.GetRelativePath(root, path));
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void in_each_document(string document)
    {
        var path = Path.Combine(Repository.Root, document);
        var broken = new List<string>();
        foreach (var link in Markdown.Parse(File.ReadAllText(path), Pipeline).Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (url.Length == 0 || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var (file, anchor) = url.IndexOf('#') is var hash and >= 0 ? (url[..hash], url[(hash + 1)..]) : (url, null);
            var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"{url}: no file {Path.GetRelativePath(Repository.Root, target)}");
            }
            else if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) && !Headings(target).Contains(anchor))
            {
                broken.Add($"{url}: no heading #{anchor} in {Path.GetRelativePath(Repository.Root, target)}");
            }
        }

        broken.ShouldBeEmpty($"{document} has links that lead nowhere");
    }

    private static HashSet<string> Headings(string path) =>
        Markdown.Parse(File.ReadAllText(path), Pipeline).Descendants<HeadingBlock>()
            .Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet();
}
