using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Proposals;

/// <summary>
/// Where a proposal stands, as readers ask it: withdrawn or adopted (it became an agreement) say so; otherwise the latest
/// answer of each party decides: countered if any party answered with a counter-proposal, rejected if any rejected,
/// accepted if every answer accepts, open if nobody has answered. Open and accepted proposals are still on the table.
/// </summary>
public static class ProposalStatuses
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Countered = "countered";
    public const string Withdrawn = "withdrawn";
    public const string Adopted = "adopted";

    public static string Of(bool withdrawn, bool adopted, IEnumerable<(string Party, Answer Answer)> answersInOrder)
    {
        if (withdrawn)
        {
            return Withdrawn;
        }

        if (adopted)
        {
            return Adopted;
        }

        var latest = answersInOrder.GroupBy(a => a.Party).Select(g => g.Last().Answer).ToList();
        return latest.Contains(Answer.Counter) ? Countered
            : latest.Contains(Answer.Reject) ? Rejected
            : latest.Count > 0 ? Accepted
            : Open;
    }

    public static bool OnTheTable(string status) => status is Open or Accepted;
}
