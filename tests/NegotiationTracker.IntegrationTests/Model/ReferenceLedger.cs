using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.IntegrationTests.Model;

/// <summary>
/// What a history of commands means, worked out from the commands alone, the way the README explains it, by code that
/// shares nothing with the product's folds (no <see cref="StatementReading"/>, no Stances): the yardstick every view is
/// held to. The generator also reads it, to keep the histories it writes valid.
/// </summary>
public sealed class ReferenceLedger
{
    private readonly List<ReferenceStatement> statements = [];
    private readonly Dictionary<string, ReferenceProposal> proposals = [];

    public IReadOnlyList<ReferenceStatement> Statements => statements;

    public IReadOnlyDictionary<string, ReferenceProposal> Proposals => proposals;

    public HashSet<string> Answers { get; } = [];

    public ReferenceStatement Statement(string id) => statements.Single(s => s.Id == id);

    public void Apply(object step)
    {
        switch (step)
        {
            case MakeStatement c:
                statements.Add(new ReferenceStatement(c.StatementId, c.PartyId, statements.Count)
                {
                    Kind = c.Kind, Stance = c.Stance, Issues = [.. c.IssueIds], Text = c.Text, Said = c.Said, Source = c.SourceId,
                });
                break;
            case AmendRecord c:
                Amend(Statement(c.StatementId), c.Field, c.NewValue);
                break;
            case RetractStatement c:
                Statement(c.StatementId).Retractions.Add(c.Said);
                break;
            case DenyStatement c:
                Statement(c.StatementId).Denials.Add(c.Said);
                break;
            case VoidRecord c:
                Statement(c.StatementId).Voided = true;
                break;
            case LinkDuplicate c:
                Statement(c.StatementId).DuplicateOf = c.DuplicateOf;
                break;
            case UnlinkDuplicate c:
                Statement(c.StatementId).DuplicateOf = null;
                break;
            case GradeStatement c:
                Statement(c.StatementId).Credibility = c.Credibility;
                break;
            case ReportStatement c:
                Statement(c.StatementId).ReportedBy.Add(c.SourceId);
                break;
            case CorrectReport or ClarifyStatement:
                break;
            case TableProposal c:
                proposals.Add(c.ProposalId, new ReferenceProposal(c.ProposalId, c.PartyId));
                break;
            case AnswerProposal c:
                proposals[c.ProposalId].Answers.Add((c.PartyId, c.Answer));
                Answers.Add($"{c.ProposalId}/{c.PartyId}/{c.Answer}/{c.CounterProposalId}@{c.Said}");
                break;
            case ReachAgreement c when c.ProposalId is { } adopted:
                proposals[adopted].Adopted = true;
                break;
            case ReachAgreement:
                break;
            default:
                throw new ArgumentException($"the reference does not know {step.GetType().Name}", nameof(step));
        }
    }

    private static void Amend(ReferenceStatement s, string field, string value)
    {
        switch (field)
        {
            case "text": s.Text = value; break;
            case "kind": s.Kind = Enum.GetValues<StatementKind>().Single(k => Word(k) == value); break;
            case "stance": s.Stance = value == "none" ? null : Enum.GetValues<Stance>().Single(k => Word(k) == value); break;
            case "issues": s.Issues = [.. value.Split(',')]; break;
            case "said": s.Said = PartialDate.Parse(value); break;
            default: throw new ArgumentException($"the generator does not amend {field}", nameof(field));
        }
    }

    /// <summary>A vocabulary word as users write it: the enum name with a lower-case first letter.</summary>
    public static string Word<T>(T value) where T : struct, Enum => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];

    /// <summary>
    /// Statements as they stood by the end of <paramref name="asOf"/> (or now): only those whose said period (as amended)
    /// had ended by then; dated retractions and denials only when dated by then; undated corrections always.
    /// </summary>
    public IReadOnlyList<ReferenceView> Views(PartialDate? asOf = null) =>
        statements.Where(s => By(s.Said, asOf)).Select(s => new ReferenceView(
            s,
            Retracted: s.Retractions.Any(d => d is null || By(d.Value, asOf)),
            Denied: s.Denials.Any(d => d is null || By(d.Value, asOf)))).ToList();

    private static bool By(PartialDate said, PartialDate? asOf) => asOf is not { } d || said.End <= d.End;

    /// <summary>Per party, statements on the record: every one but void ones and duplicates; retracted ones count.</summary>
    public Dictionary<string, int> Counts(PartialDate? asOf = null) =>
        Views(asOf).Where(v => v.OnRecord).GroupBy(v => v.Statement.Party).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Each party's stance on each issue: that of its latest standing statement with a stance on it, latest by the said
    /// date's start, then the coarser date first, then the order recorded.
    /// </summary>
    public List<ReferencePosition> Positions(PartialDate? asOf = null) =>
        Views(asOf).Where(v => v.Stands && v.Statement.Stance is not null)
            .SelectMany(v => v.Statement.Issues.Select(issue => (Issue: issue, View: v)))
            .GroupBy(x => (x.View.Statement.Party, x.Issue))
            .Select(g => g.OrderBy(x => x.View.Statement, SaidThenRecorded).Last())
            .Select(x => new ReferencePosition(x.View.Statement.Party, x.Issue, x.View.Statement.Stance!.Value, x.View.Statement.Id, x.View.Denied, x.View.Statement.Credibility))
            .OrderBy(p => p.Party, StringComparer.Ordinal).ThenBy(p => p.Issue, StringComparer.Ordinal)
            .ToList();

    /// <summary>Evidence of one party's stance on one issue, in said order: its standing statements with a stance on it.</summary>
    public List<ReferenceView> Evidence(string party, string issue) =>
        Views().Where(v => v.Stands && v.Statement.Party == party && v.Statement.Stance is not null && v.Statement.Issues.Contains(issue))
            .OrderBy(v => v.Statement, SaidThenRecorded).ToList();

    /// <summary>The statement log's order: the start of the said period, coarser dates first, then recorded order.</summary>
    public static readonly IComparer<ReferenceStatement> SaidThenRecorded = Comparer<ReferenceStatement>.Create((a, b) =>
        a.Said.Start.CompareTo(b.Said.Start) is var byStart and not 0 ? byStart
        : Coarseness(b.Said).CompareTo(Coarseness(a.Said)) is var byPrecision and not 0 ? byPrecision
        : a.Recorded.CompareTo(b.Recorded));

    private static int Coarseness(PartialDate d) => d.Precision switch
    {
        DatePrecision.Year => 3,
        DatePrecision.Month => 2,
        DatePrecision.Day => 1,
        _ => 0,
    };

    /// <summary>Withdrawn or adopted say so; otherwise each party's latest answer: countered, rejected, accepted, or open.</summary>
    public static string StatusOf(ReferenceProposal p)
    {
        if (p.Adopted)
        {
            return "adopted";
        }

        var latest = p.Answers.GroupBy(a => a.Party).Select(g => g.Last().Answer).ToList();
        return latest.Contains(Answer.Counter) ? "countered" : latest.Contains(Answer.Reject) ? "rejected" : latest.Count > 0 ? "accepted" : "open";
    }
}

public sealed class ReferenceStatement(string id, string party, int recorded)
{
    public string Id { get; } = id;
    public string Party { get; } = party;

    /// <summary>Its place in the order recorded.</summary>
    public int Recorded { get; } = recorded;

    public StatementKind Kind { get; set; }
    public Stance? Stance { get; set; }
    public List<string> Issues { get; set; } = [];
    public string Text { get; set; } = "";
    public PartialDate Said { get; set; }
    public string? Source { get; set; }
    public List<PartialDate?> Retractions { get; } = [];
    public List<PartialDate?> Denials { get; } = [];
    public bool Voided { get; set; }
    public string? DuplicateOf { get; set; }
    public int? Credibility { get; set; }
    public HashSet<string> ReportedBy { get; } = [];
}

/// <summary>A statement as it reads at a moment: retractions and denials are those dated by then.</summary>
public sealed record ReferenceView(ReferenceStatement Statement, bool Retracted, bool Denied)
{
    public bool Stands => !Retracted && !Statement.Voided && Statement.DuplicateOf is null;

    public bool OnRecord => !Statement.Voided && Statement.DuplicateOf is null;

    public string Status => Statement.Voided ? "void" : Retracted ? "retracted" : Statement.DuplicateOf is not null ? "duplicate" : "standing";
}

public sealed record ReferencePosition(string Party, string Issue, Stance Stance, string StatementId, bool Contested, int? Credibility);

public sealed class ReferenceProposal(string id, string tabledBy)
{
    public string Id { get; } = id;
    public string TabledBy { get; } = tabledBy;
    public bool Adopted { get; set; }
    public List<(string Party, Answer Answer)> Answers { get; } = [];
}
