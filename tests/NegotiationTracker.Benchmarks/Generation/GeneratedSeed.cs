using System.Globalization;
using System.Text;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.Benchmarks.Generation;

/// <summary>
/// A seed file in the public format (README) with a given number of statements spread over a given number of parties,
/// read by the product's own reader. Deterministic: the same arguments give the same file.
/// </summary>
public static class GeneratedSeed
{
    private const int Issues = 5;

    /// <summary>
    /// The seed as one or more files of at most <see cref="SeedFileReader.MaxEvents"/> events each (the reader's limit per
    /// import); later files repeat the header and continue the statements, which the import's idempotence allows.
    /// </summary>
    /// <remarks>
    /// Parsed from text with <see cref="SeedFileReader.Parse(string, string)"/>, which is what <see cref="SeedFileReader.Read"/> does after
    /// checking the file's size: 100,000 statements take about 15 MB of YAML, over the 10 MiB file limit, so a real import of
    /// this size would come as two files. The size check costs nothing either way.
    /// </remarks>
    public static IReadOnlyList<SeedFile> Create(string negotiationId, string partyPrefix, int statements, int parties)
    {
        var files = new List<SeedFile>();
        for (var first = 0; first < statements; first += SeedFileReader.MaxEvents)
        {
            var count = Math.Min(SeedFileReader.MaxEvents, statements - first);
            var name = $"{negotiationId}-{files.Count + 1}.yaml";
            files.Add(SeedFileReader.Parse(name, Yaml(negotiationId, partyPrefix, first, count, parties)));
        }

        return files;
    }

    public static string PartyId(string partyPrefix, int party) => $"{partyPrefix}-{party + 1:000}";

    private static string Yaml(string negotiationId, string partyPrefix, int first, int count, int parties)
    {
        var yaml = new StringBuilder(capacity: count * 170);
        yaml.Append(CultureInfo.InvariantCulture, $"negotiation: {{id: {negotiationId}, title: \"Generated negotiation {negotiationId}\", opened: \"2015\", issues: [");
        yaml.AppendJoin(", ", Enumerable.Range(1, Issues).Select(i => $"{{id: issue-{i}, title: \"Issue {i}\"}}"));
        yaml.Append("]}\n");
        yaml.Append("sources: [{id: wire, title: \"Wire reports\", outlet: \"Wire\"}]\n");
        yaml.Append("parties:\n");
        for (var p = 0; p < parties; p++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{id: {PartyId(partyPrefix, p)}, name: \"Party {p + 1}\", kind: state, role: principal}}\n");
        }

        yaml.Append("events:\n");
        var random = new Random(first + 17);
        for (var s = first; s < first + count; s++)
        {
            var statement = StatementContent.Pick(random);
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - statement: {{id: s{s + 1}, by: {PartyId(partyPrefix, s % parties)}, \"on\": [{string.Join(", ", statement.Issues)}], kind: {statement.Kind}, stance: {statement.Stance}, text: \"{statement.Text}\", attribution: paraphrase, said: \"{statement.Said}\", source: wire}}\n");
        }

        return yaml.ToString();
    }

    /// <summary>The statements of the seed, as the events a raw loader would write for them.</summary>
    public static IEnumerable<StatementMade> Statements(IEnumerable<SeedFile> files) =>
        files.SelectMany(f => f.Events).Select(e => e.Command).OfType<MakeStatement>().Select(c =>
            new StatementMade(c.StatementId, c.NegotiationId, c.PartyId, c.SpeakerId, c.Kind, c.Stance, c.IssueIds, c.Text, c.Attribution, c.Said, c.SourceId));
}

/// <summary>What a generated statement says: varied enough that stances, issues and dates are spread as in a real negotiation.</summary>
public sealed record StatementContent(string[] Issues, string Kind, string Stance, string Text, string Said)
{
    private static readonly string[] Kinds = ["position", "demand", "claim", "offer", "warning", "assessment"];
    private static readonly string[] Stances = ["supports", "opposes", "conditional", "neutral"];
    private static readonly string[] Texts =
    [
        "We will not accept any timetable that leaves foreign forces in place beyond next year.",
        "The ceasefire holds only if both sides withdraw heavy weapons from the line of contact.",
        "Our delegation is ready to discuss sanctions relief in exchange for verified limits.",
        "Any agreement must be ratified by parliament before it can take effect.",
        "We call on the mediators to table a written proposal before the next round.",
    ];

    public const int FirstYear = 2015;
    public const int Years = 10;

    public static StatementContent Pick(Random random)
    {
        var first = random.Next(1, 6);
        var second = random.Next(0, 3) == 0 ? (first % 5) + 1 : 0;
        string[] issues = second == 0 ? [$"issue-{first}"] : [$"issue-{first}", $"issue-{second}"];
        var said = new DateOnly(FirstYear, 1, 1).AddDays(random.Next(0, 365 * Years));
        return new StatementContent(issues, Kinds[random.Next(Kinds.Length)], Stances[random.Next(Stances.Length)], Texts[random.Next(Texts.Length)],
            said.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
