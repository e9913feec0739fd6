using System.Collections.Immutable;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>
/// Where a proposal stands, folded from the facts about it: tabled, each party's answers, withdrawn, adopted by an agreement.
/// <see cref="Evolve"/> is the only place that decides a proposal's status; the state, the proposal lineage and every
/// replay take it from here.
/// </summary>
public sealed record ProposalReading(string ProposalId, string TabledBy, ImmutableList<(string Party, Answer Answer)> Answers, bool Withdrawn, string? AgreementId)
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Countered = "countered";
    public const string WithdrawnStatus = "withdrawn";
    public const string Adopted = "adopted";

    /// <summary>
    /// Adopted (it became an agreement) or withdrawn say so; otherwise the latest answer of each party decides: countered if
    /// any party answered with a counter-proposal, rejected if any rejected, accepted if every answer accepts, open if
    /// nobody has answered. An answer recorded after a withdrawal or an adoption is kept, and changes nothing.
    /// </summary>
    public string Status
    {
        get
        {
            if (AgreementId is not null)
            {
                return Adopted;
            }

            if (Withdrawn)
            {
                return WithdrawnStatus;
            }

            var latest = Answers.GroupBy(a => a.Party).Select(g => g.Last().Answer).ToList();
            return latest.Contains(Answer.Counter) ? Countered
                : latest.Contains(Answer.Reject) ? Rejected
                : latest.Count > 0 ? Accepted
                : Open;
        }
    }

    /// <summary>Open and accepted proposals are still on the table.</summary>
    public static bool OnTheTable(string status) => status is Open or Accepted;

    public static ProposalReading? Evolve(ProposalReading? reading, object @event) => (reading, @event) switch
    {
        (null, ProposalTabled e) => new ProposalReading(e.ProposalId, e.PartyId, [], false, null),
        (null, _) => null,
        ({ } r, ProposalAnswered e) when e.ProposalId == r.ProposalId => r with { Answers = r.Answers.Add((e.PartyId, e.Answer)) },
        ({ } r, ProposalWithdrawn e) when e.ProposalId == r.ProposalId => r with { Withdrawn = true },
        ({ } r, AgreementReached e) when e.ProposalId == r.ProposalId => r with { AgreementId = r.AgreementId ?? e.AgreementId },
        ({ } r, _) => r,
    };
}
