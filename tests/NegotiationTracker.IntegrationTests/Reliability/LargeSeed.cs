using System.Globalization;
using System.Text;

namespace NegotiationTracker.IntegrationTests.Reliability;

/// <summary>
/// A seed file large enough that an import or a rebuild takes seconds, so a test can kill the process in the middle of it:
/// statements spread over several parties, then a proposal, its answers, an agreement with one signature and a status change. Deterministic.
/// </summary>
public static class LargeSeed
{
    public const string NegotiationId = "large-talks";
    public const int Parties = 8;

    public static string Write(int statements)
    {
        var yaml = new StringBuilder(capacity: statements * 160);
        yaml.Append("negotiation: {id: large-talks, title: \"Large talks\", opened: \"2015\", issues: [{id: border, title: \"Border\"}, {id: trade, title: \"Trade\"}, {id: water, title: \"Water\"}]}\n");
        yaml.Append("sources: [{id: wire, title: \"Wire reports\", outlet: \"Wire\"}]\n");
        yaml.Append("parties:\n");
        for (var p = 1; p <= Parties; p++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{id: party-{p}, name: \"Party {p}\", kind: state, role: principal, people: [{{id: envoy, name: \"Envoy {p}\"}}]}}\n");
        }

        yaml.Append("events:\n");
        string[] issues = ["border", "trade", "water"];
        string[] stances = ["supports", "opposes", "conditional", "neutral"];
        for (var s = 1; s <= statements; s++)
        {
            var month = 1 + (s * 12 / (statements + 1));
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - statement: {{id: s{s}, by: party-{1 + (s % Parties)}, speaker: envoy, \"on\": [{issues[s % 3]}], kind: position, stance: {stances[s % 4]}, text: \"Statement number {s} on the {issues[s % 3]}.\", attribution: paraphrase, said: \"2015-{month:00}\", source: wire}}\n");
        }

        yaml.Append("  - proposal: {id: p1, by: party-1, title: \"A first framework\", terms: [{issue: border, text: \"Both sides withdraw 5 km.\"}], said: \"2016-01\", source: wire}\n");
        for (var p = 2; p <= Parties; p++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - answer: {{proposal: p1, by: party-{p}, answer: accept, said: \"2016-02\"}}\n");
        }

        yaml.Append("  - agreement: {id: a1, proposal: p1, title: \"The framework agreement\", parties: [party-1, party-2], said: \"2016-03\", source: wire}\n");
        yaml.Append("  - signature: {agreement: a1, by: party-1, signatory: envoy, said: \"2016-03\"}\n");
        yaml.Append("  - status: {to: active, reason: \"Every party accepted the framework\", said: \"2016-02\"}\n");
        var path = Path.Combine(Path.GetTempPath(), $"large-seed-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
