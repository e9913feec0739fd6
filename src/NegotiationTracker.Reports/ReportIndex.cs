using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.Reports;

/// <summary>
/// Look-ups a renderer needs many times over (parties, statements, proposals, people's names by id), built once per
/// rendering. Kept out of <see cref="NegotiationReport"/> so a report changed with <c>with</c> never carries stale look-ups.
/// </summary>
internal sealed class ReportIndex
{
    private readonly Dictionary<string, PartyInNegotiation> parties;
    private readonly Dictionary<string, StatementView> statements;
    private readonly Dictionary<string, ProposalLineage> proposals;
    private readonly Dictionary<string, AgreementRecord> agreements;
    private readonly Dictionary<string, string> issues;
    private readonly Dictionary<string, string> people;

    public ReportIndex(NegotiationReport report)
    {
        Report = report;
        parties = report.State.Parties.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        statements = report.Statements.DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        proposals = report.Proposals.DistinctBy(p => p.ProposalId).ToDictionary(p => p.ProposalId);
        agreements = report.Agreements.DistinctBy(a => a.AgreementId).ToDictionary(a => a.AgreementId);
        issues = report.State.Issues.DistinctBy(i => i.Id).ToDictionary(i => i.Id, i => i.Title);

        // People's names reach the report only through the statements they made; a signatory who never spoke keeps their id.
        people = report.Statements.Where(s => s.Speaker is not null && s.SpeakerName is not null)
            .DistinctBy(s => s.Speaker).ToDictionary(s => s.Speaker!, s => s.SpeakerName!);
    }

    public NegotiationReport Report { get; }

    /// <summary>Principals, mediators, stakeholders and observers, in that order, then as they joined.</summary>
    public IReadOnlyList<PartyInNegotiation> NegotiatingParties =>
        Report.State.Parties.Where(p => !Wording.IsCommentary(p.Role)).OrderBy(p => p.Role).ToList();

    /// <summary>Analysts and media: they comment on the talks but do not negotiate.</summary>
    public IReadOnlyList<PartyInNegotiation> Commentators =>
        Report.State.Parties.Where(p => Wording.IsCommentary(p.Role)).ToList();

    public PartyInNegotiation? Party(string? id) => id is not null && parties.TryGetValue(id, out var party) ? party : null;

    public string PartyName(string id) => Party(id)?.Name ?? id;

    public bool IsCommentator(string? partyId) => Party(partyId) is { } party && Wording.IsCommentary(party.Role);

    public StatementView? Statement(string? id) => id is not null && statements.TryGetValue(id, out var statement) ? statement : null;

    public ProposalLineage? Proposal(string? id) => id is not null && proposals.TryGetValue(id, out var proposal) ? proposal : null;

    public AgreementRecord? Agreement(string? id) => id is not null && agreements.TryGetValue(id, out var agreement) ? agreement : null;

    public string IssueTitle(string id) => issues.GetValueOrDefault(id, id);

    public string PersonName(string id) => people.GetValueOrDefault(id, id);

    /// <summary>Chains of counter-proposals longer than one (p1 → p2 → p3), each listed once.</summary>
    public IReadOnlyList<IReadOnlyList<ProposalLineage>> CounterChains()
    {
        var seen = new HashSet<string>();
        var chains = new List<IReadOnlyList<ProposalLineage>>();
        foreach (var proposal in Report.Proposals)
        {
            if (seen.Contains(proposal.ProposalId))
            {
                continue;
            }

            var chain = ProposalLineages.Chain(Report.Proposals, proposal.ProposalId);
            if (chain.Count > 1 && chain.All(p => seen.Add(p.ProposalId)))
            {
                chains.Add(chain);
            }
        }

        return chains;
    }

    public static string RoleOf(PartyInNegotiation? party) => party?.Role.Word() ?? "not a party";
}
