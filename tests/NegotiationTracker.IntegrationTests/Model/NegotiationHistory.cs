using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.IntegrationTests.Model;

/// <summary>
/// A random, valid history of a small negotiation: three parties (two principals and a mediator), two or three issues, one
/// source or two, then 5–25 commands. FsCheck draws the choices; <see cref="Build"/> turns each choice into a command that
/// is valid given what the history holds so far (as <see cref="ReferenceLedger"/> reads it), or into a new statement when
/// the choice cannot apply (nothing to retract yet, say). Ids are fresh per history: party ids are global.
/// </summary>
public sealed record NegotiationHistory(
    string NegotiationId,
    IReadOnlyList<(string Id, PartyRole Role)> Parties,
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> Sources,
    IReadOnlyList<object> Steps,
    IReadOnlyList<PartialDate> AsOf)
{
    public const string Speaker = "envoy";

    /// <summary>Raw choices: how many issues and sources, one row of numbers per step, and picks of the as-of dates.</summary>
    public sealed record Choices(int Issues, int Sources, int[][] Steps, int[] AsOf);

    public static Gen<Choices> Draw =>
        from issues in Gen.Choose(2, 3)
        from sources in Gen.Choose(1, 2)
        from count in Gen.Choose(5, 25)
        from steps in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 9_999), 8), count)
        from asOf in Gen.ArrayOf(Gen.Choose(0, 9_999), 3)
        select new Choices(issues, sources, steps, asOf);

    /// <summary>The history the choices describe, with ids made unique by <paramref name="tag"/>.</summary>
    public static NegotiationHistory Build(string tag, Choices choices)
    {
        var parties = new List<(string, PartyRole)> { ($"{tag}-a", PartyRole.Principal), ($"{tag}-b", PartyRole.Principal), ($"{tag}-m", PartyRole.Mediator) };
        var issues = Enumerable.Range(1, choices.Issues).Select(i => $"issue-{i}").ToList();
        var sources = Enumerable.Range(1, choices.Sources).Select(i => $"source-{i}").ToList();
        var builder = new Builder(tag, parties.Select(p => p.Item1).ToList(), issues, sources);
        for (var i = 0; i < choices.Steps.Length; i++)
        {
            builder.Next(i, new Picks(choices.Steps[i]));
        }

        var dated = builder.Reference.Statements.Select(s => s.Said)
            .Concat(builder.Steps.OfType<RetractStatement>().Select(r => r.Said).OfType<PartialDate>())
            .Concat(builder.Steps.OfType<DenyStatement>().Select(r => r.Said).OfType<PartialDate>())
            .ToList();
        var asOf = choices.AsOf.Take(2 + choices.AsOf[0] % 2).Select(pick => pick % 4 == 0 || dated.Count == 0 ? Dates.Of(new Picks([pick, pick / 7, pick / 11, pick / 13, pick / 17])) : dated[pick % dated.Count]).ToList();
        return new NegotiationHistory(tag, parties, issues, sources, builder.Steps, asOf);
    }

    /// <summary>The steps as JSON lines, to print beside a mismatch.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, Steps.Select((s, i) => $"  {i,2}. {s.GetType().Name} {JsonSerializer.Serialize(s, s.GetType())}"))
        + $"{Environment.NewLine}  as of: {string.Join(", ", AsOf)}";

    /// <summary>One step's numbers, taken in turn.</summary>
    private sealed class Picks(int[] numbers)
    {
        private int at;

        public int Next(int below) => numbers[at++ % numbers.Length] % below;

        public T Of<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        public bool Chance(int percent) => Next(100) < percent;
    }

    /// <summary>Dates of every precision, from a small pool so that ties (and coarse-against-fine orderings) are common.</summary>
    private static class Dates
    {
        public static PartialDate Of(Picks p) => PartialDate.Parse(Text(p));

        public static string Text(Picks p)
        {
            var year = 2022 + p.Next(2);
            var month = p.Of([1, 6, 12]);
            var day = p.Of([1, 15, 30]);
            return p.Next(4) switch
            {
                0 => $"{year}",
                1 => $"{year}-{month:00}",
                2 => $"{year}-{month:00}-{day:00}",
                _ => $"{year}-{month:00}-{day:00}T{p.Of([0, 1, 12, 23]):00}:{p.Of([0, 30]):00}:00{p.Of(["Z", "+03:00", "-05:00"])}",
            };
        }
    }

    private sealed class Builder(string negotiationId, IReadOnlyList<string> parties, IReadOnlyList<string> issues, IReadOnlyList<string> sources)
    {
        public ReferenceLedger Reference { get; } = new();

        public List<object> Steps { get; } = [];

        private int statements;
        private int proposals;
        private int agreements;

        public void Next(int step, Picks p)
        {
            var kind = p.Next(100);
            var made = Reference.Statements;
            var open = made.Where(s => !s.Voided).ToList();
            var command = kind switch
            {
                < 30 => (object?)null,
                < 42 => Amend(step, p, open),
                < 48 => Pick(p, open.Where(s => s.Retractions.Count == 0)) is { } s ? new RetractStatement(negotiationId, s.Id, s.Party, $"retracted at step {step}", MaybeDate(p)) : null,
                < 54 => Pick(p, open) is { } s ? new DenyStatement(negotiationId, s.Id, s.Party, $"denied at step {step}", MaybeDate(p)) : null,
                < 58 => Pick(p, open) is { } s ? new VoidRecord(negotiationId, s.Id, s.Party, $"voided at step {step}") : null,
                < 64 => Link(step, p, open),
                < 68 => Pick(p, made.Where(s => s.DuplicateOf is not null)) is { } s ? new UnlinkDuplicate(negotiationId, s.Id, s.Party, s.DuplicateOf!, $"unlinked at step {step}") : null,
                < 74 => Pick(p, made) is { } s ? new GradeStatement(negotiationId, s.Id, s.Party, Grade(p, s), $"graded at step {step}") : null,
                < 79 => Pick(p, made) is { } s ? new ReportStatement(negotiationId, s.Id, s.Party, p.Of(sources.Where(x => x != s.Source).DefaultIfEmpty(sources[0]).ToList()), p.Of(Enum.GetValues<Attribution>()), $"Report of {s.Id} at step {step}", p.Chance(50) ? "unnamed officials" : null, MaybeDate(p)) : null,
                < 81 => Pick(p, made.Where(s => s.Source is not null || s.ReportedBy.Count > 0)) is { } s ? new CorrectReport(negotiationId, s.Id, s.Party, p.Of(s.ReportedBy.Concat(s.Source is null ? [] : [s.Source]).Order().ToList()), $"Correction at step {step}", MaybeDate(p)) : null,
                < 85 => Pick(p, open) is { } s ? new ClarifyStatement(negotiationId, s.Id, s.Party, $"Clarified at step {step}", MaybeDate(p)) : null,
                < 90 => Table(step, p, p.Of(parties)),
                < 97 => AnswerOne(step, p),
                _ => Agree(step, p),
            };
            Record(command ?? Statement(step, p));
        }

        private void Record(object command)
        {
            Steps.Add(command);
            Reference.Apply(command);
        }

        private static ReferenceStatement? Pick(Picks p, IEnumerable<ReferenceStatement> candidates) =>
            candidates.ToList() is { Count: > 0 } list ? p.Of(list) : null;

        private static PartialDate? MaybeDate(Picks p) => p.Chance(40) ? null : Dates.Of(p);

        private static int Grade(Picks p, ReferenceStatement s) =>
            Enumerable.Range(1, 6).Where(g => g != s.Credibility).ToList() is var grades ? p.Of(grades) : 1;

        private MakeStatement Statement(int step, Picks p)
        {
            var stance = p.Chance(25) ? (Stance?)null : p.Of(Enum.GetValues<Stance>());
            var on = Subset(p, stance is null ? 0 : 1);
            var id = $"s{++statements}";
            return new MakeStatement(id, negotiationId, p.Of(parties), p.Chance(70) ? Speaker : null, p.Of(Enum.GetValues<StatementKind>()), stance, on,
                $"Statement {id}, step {step}.", p.Of(Enum.GetValues<Attribution>()), Dates.Of(p), p.Chance(20) ? null : p.Of(sources));
        }

        /// <summary>At least <paramref name="least"/> distinct issues, in a random order.</summary>
        private List<string> Subset(Picks p, int least)
        {
            var chosen = issues.Where(_ => p.Chance(50)).ToList();
            if (chosen.Count < least)
            {
                chosen.Add(p.Of(issues));
            }

            return p.Chance(50) ? chosen : Enumerable.Reverse(chosen).ToList();
        }

        private AmendRecord? Amend(int step, Picks p, List<ReferenceStatement> open)
        {
            if (Pick(p, open) is not { } s)
            {
                return null;
            }

            var stance = s.Stance is { } st ? ReferenceLedger.Word(st) : StatementFields.None;
            var (field, old, value) = p.Next(5) switch
            {
                0 => ("text", s.Text, $"Statement {s.Id}, amended at step {step}."),
                1 => ("kind", ReferenceLedger.Word(s.Kind), ReferenceLedger.Word(p.Of(Enum.GetValues<StatementKind>().Where(k => k != s.Kind).ToList()))),
                2 when s.Issues.Count > 0 => ("stance", stance, p.Of(Enum.GetValues<Stance>().Select(ReferenceLedger.Word).Append(StatementFields.None).Where(w => w != stance).ToList())),
                3 => ("issues", string.Join(",", s.Issues), string.Join(",", Subset(p, 1))),
                _ => ("said", s.Said.ToString(), Dates.Text(p)),
            };
            return value == old ? null : new AmendRecord(negotiationId, s.Id, s.Party, field, old, value, $"amended at step {step}");
        }

        /// <summary>A link to another record of the same party, never closing a loop of links.</summary>
        private LinkDuplicate? Link(int step, Picks p, List<ReferenceStatement> open)
        {
            if (Pick(p, open.Where(s => s.DuplicateOf is null)) is not { } s)
            {
                return null;
            }

            var targets = Reference.Statements.Where(t => t.Party == s.Party && t.Id != s.Id && !LeadsTo(t, s.Id)).ToList();
            return targets.Count == 0 ? null : new LinkDuplicate(negotiationId, s.Id, s.Party, p.Of(targets).Id, $"linked at step {step}");
        }

        private bool LeadsTo(ReferenceStatement from, string to)
        {
            var seen = new HashSet<string>();
            for (var at = from; at is not null && seen.Add(at.Id); at = at.DuplicateOf is { } next ? Reference.Statement(next) : null)
            {
                if (at.Id == to)
                {
                    return true;
                }
            }

            return false;
        }

        private TableProposal Table(int step, Picks p, string party) =>
            new(negotiationId, $"p{++proposals}", party, $"Proposal {proposals}, step {step}", [new Term(p.Of(issues), $"Terms of proposal {proposals}")], MaybeDate(p), null);

        private AnswerProposal? AnswerOne(int step, Picks p)
        {
            var open = Reference.Proposals.Values.Where(x => !x.Adopted).ToList();
            if (open.Count == 0)
            {
                return null;
            }

            var proposal = p.Of(open);
            var party = p.Of(parties.Where(x => x != proposal.TabledBy).ToList());
            var answer = p.Of(Enum.GetValues<Answer>());
            string? counter = null;
            if (answer == Answer.Counter)
            {
                // A counter names a proposal the answering party tabled: table it first.
                var tabled = Table(step, p, party);
                Record(tabled);
                counter = tabled.ProposalId;
            }

            var command = new AnswerProposal(negotiationId, proposal.Id, party, answer, counter, MaybeDate(p), null);
            return Reference.Answers.Contains($"{command.ProposalId}/{command.PartyId}/{command.Answer}/{command.CounterProposalId}@{command.Said}") ? null : command;
        }

        private ReachAgreement Agree(int step, Picks p)
        {
            var open = Reference.Proposals.Values.Where(x => !x.Adopted).ToList();
            var proposal = open.Count > 0 && p.Chance(70) ? p.Of(open).Id : null;
            return new ReachAgreement(negotiationId, $"a{++agreements}", proposal, $"Agreement {agreements}, step {step}", proposal is null ? [new Term(p.Of(issues), "Agreed terms")] : [],
                [parties[0], parties[1]], MaybeDate(p), null);
        }
    }
}
