using NegotiationTracker.Domain.Parties;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.Domain.Tests.SeedFiles;

/// <summary>Seed-file text for the tests: the real file, a minimal valid one, and ways to spoil it one line at a time.</summary>
public static class Seeds
{
    public const string FileName = "talks.yaml";

    /// <summary>The smallest file with one of everything the reader orders: parties and people, the negotiation, a source, joins and an event.</summary>
    public static readonly string Minimal = """
        negotiation:
          id: talks
          title: "U.S.-Iraq talks"
          opened: "2024"
          issues:
            - id: troops
              title: "U.S. troops in Iraq"
            - id: timeline
              title: "Withdrawal timeline"
        sources:
          - id: article
            title: "U.S. plans withdrawal"
            published: "2024-09"
        parties:
          - id: us
            name: "United States"
            kind: state
            role: principal
          - id: iraq
            name: "Republic of Iraq"
            kind: state
            role: principal
            people:
              - id: al-sudani
                name: "Mohammed Shia al-Sudani"
                title: "Prime Minister"
          - id: rubin
            name: "Michael Rubin"
            kind: person
        events:
          - statement:
              id: s1
              by: iraq
              speaker: al-sudani
              "on": [troops]
              kind: position
              stance: opposes
              text: "U.S. forces are no longer necessary."
              attribution: paraphrase
              said: "2024-09"
              source: article
          - proposal:
              id: two-years
              by: us
              title: "Withdrawal over two years"
              terms:
                - issue: timeline
                  text: "Troops leave within two years."
              said: "2024-09"
          - join:
              party: rubin
              role: commentator
              said: "2024-09"
        """.ReplaceLineEndings("\n");

    /// <summary>The events of <see cref="Minimal"/> with more appended, each indented as an entry of the events list.</summary>
    public static string WithEvents(string events) => Minimal + "\n" + events.ReplaceLineEndings("\n");

    /// <summary>A statement said in September 2024, indented as an entry of the events list for <see cref="WithEvents"/>.</summary>
    public static string Statement(string id, string by, string on, string kind, string text, string attribution, string? source = null) =>
        $"""
          - statement:
              id: {id}
              by: {by}
              "on": [{on}]
              kind: {kind}
              text: "{text}"
              attribution: {attribution}
              said: "2024-09"
        """.ReplaceLineEndings("\n") + (source is null ? "" : $"\n      source: {source}");

    /// <summary>A rejection of a proposal, indented as an entry of the events list; said in September 2024 unless <paramref name="said"/> is null.</summary>
    public static string Answer(string proposal, string by, string? said = "2024-09") =>
        $"""
          - answer:
              proposal: {proposal}
              by: {by}
              answer: reject
        """.ReplaceLineEndings("\n") + (said is null ? "" : $"\n      said: \"{said}\"");

    /// <summary>The text with one fragment, which must occur exactly once, replaced.</summary>
    public static string Replacing(this string yaml, string fragment, string replacement)
    {
        Occurrences(yaml, fragment).ShouldBe(1, $"'{fragment}' should occur once");
        return yaml.Replace(fragment, replacement, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the one line that contains the fragment.</summary>
    public static int LineOf(string yaml, string fragment)
    {
        var lines = yaml.Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(fragment, StringComparison.Ordinal)).ToList();
        matches.Count.ShouldBe(1, $"'{fragment}' should be on exactly one line");
        return matches[0] + 1;
    }

    /// <summary>The 1-based lines of every line that contains the fragment, top to bottom.</summary>
    public static IReadOnlyList<int> LinesOf(string yaml, string fragment)
    {
        var lines = yaml.Split('\n');
        return [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(fragment, StringComparison.Ordinal)).Select(i => i + 1)];
    }

    /// <summary>The line of the last event of the file, where an error about an event appended by <see cref="WithEvents"/> belongs.</summary>
    public static int LineOfTheLast(string yaml, string eventKind) => LinesOf(yaml, $"  - {eventKind}:")[^1];

    public static IReadOnlyList<SeedError> ReadingErrors(string yaml) =>
        Should.Throw<SeedFileRejected>(() => SeedFileReader.Parse(FileName, yaml)).Errors;

    /// <summary>Checks a file against an empty store: no negotiation, none of its parties, no statements.</summary>
    public static IReadOnlyList<SeedError> CheckAgainstEmptyStore(SeedFile file, IReadOnlyDictionary<string, string>? statementOwners = null) =>
        ImportPlan.Check(file, null, ImportPlan.PartiesNamed(file).ToDictionary(p => p, _ => (Party?)null), statementOwners ?? new Dictionary<string, string>(), Given.Now);

    public static IReadOnlyList<SeedError> CheckAgainstEmptyStore(string yaml) => CheckAgainstEmptyStore(SeedFileReader.Parse(FileName, yaml));

    /// <summary>seeds/us-iraq-withdrawal.yaml, found from the test binaries by walking up to the solution folder.</summary>
    public static string RealSeedPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationTracker.sln")))
            {
                return Path.Combine(folder.FullName, "seeds", "us-iraq-withdrawal.yaml");
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds NegotiationTracker.sln");
    }

    private static int Occurrences(string text, string fragment)
    {
        var count = 0;
        for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
