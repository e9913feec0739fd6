using System.Text;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// A server for the fuzz tests: the talks of <see cref="Talks"/> with a proposal and a statement to answer and correct, and
/// a second negotiation with more statements than a page may hold, so a page-size limit that did not hold would show.
/// </summary>
public sealed class HostileServerFixture : ServerFixture
{
    public const string Proposal = "fuzz-base";
    public const string Statement = "fuzz-base-s";
    public const string Paged = "paged-talks";
    public const int PagedStatements = 1_001;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Talks.OpenAsync(Client);
        await Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/proposals",
            new TableProposal(Talks.Id, Proposal, "upstream", "Fill over ten years", [new Term("dam", "Ten years.")], PartialDate.Parse("2024-03"), "wire-1")).ShouldBeOk();
        await Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement(Statement)).ShouldBeOk();
        (await ImportAsync(PagedSeed(), "paged.yaml")).EnsureSuccessStatusCode();
    }

    private static string PagedSeed()
    {
        var yaml = new StringBuilder($$"""
            negotiation: {id: {{Paged}}, title: "Long talks", opened: "2024", issues: [{id: dam, title: "The dam"}]}
            parties:
              - {id: paged-north, name: "North", kind: state, role: principal}
            events:

            """);
        for (var i = 0; i < PagedStatements; i++)
        {
            yaml.Append($"  - statement: {{id: s{i}, by: paged-north, \"on\": [dam], kind: claim, text: \"Claim {i}.\", attribution: paraphrase, said: \"2024-09\"}}\n");
        }

        return yaml.ToString();
    }
}
