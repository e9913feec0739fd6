using System.Collections.Immutable;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>What the party grain must know to decide: rebuilt from the party stream alone.</summary>
public sealed record Party(
    string Id,
    string Name,
    PartyKind Kind,
    ImmutableDictionary<string, PersonAffiliated> People,
    ImmutableDictionary<string, StatementMade> Statements,
    ImmutableHashSet<string> Answers,
    ImmutableDictionary<string, Standing> Standings,
    ImmutableHashSet<string> Annotations,
    ImmutableDictionary<string, StatementMade> Amended)
{
    public static Party? Evolve(Party? state, object @event) => (state, @event) switch
    {
        (null, PartyRegistered e) => new Party(e.PartyId, e.Name, e.Kind, ImmutableDictionary<string, PersonAffiliated>.Empty,
            ImmutableDictionary<string, StatementMade>.Empty, [], ImmutableDictionary<string, Standing>.Empty, [], ImmutableDictionary<string, StatementMade>.Empty),
        (null, _) => null,
        ({ } s, PersonAffiliated e) => s with { People = s.People.SetItem(e.PersonId, e) },
        ({ } s, StatementMade e) => s with { Statements = s.Statements.SetItem(StatementKey(e.NegotiationId, e.StatementId), e) },
        ({ } s, ProposalAnswered e) => s with { Answers = s.Answers.Add(AnswerKey(e)) },
        ({ } s, StatementRetracted e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { Retracted = true }),
        ({ } s, StatementDenied e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { Denied = true }),
        ({ } s, StatementClarified e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x),
        ({ } s, StatementReported e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { ReportedBy = x.ReportedBy.Add(e.SourceId) }),
        ({ } s, ReportCorrected e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x),
        ({ } s, RecordVoided e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { Voided = true }),
        ({ } s, DuplicateLinked e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { DuplicateOf = e.DuplicateOf }),
        ({ } s, DuplicateUnlinked e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { DuplicateOf = null }),
        ({ } s, StatementGraded e) => s.Annotate(e, e.NegotiationId, e.StatementId, x => x with { Credibility = e.Credibility }),
        ({ } s, RecordAmended e) when s.CurrentReading(e.NegotiationId, e.StatementId) is { } made =>
            s.Annotate(e, e.NegotiationId, e.StatementId, x => x) with
            {
                Amended = s.Amended.SetItem(StatementKey(e.NegotiationId, e.StatementId), StatementFields.Amend(made, e.Field, e.NewValue)),
            },
        ({ } s, _) => s,
    };

    /// <summary>
    /// The statement as it reads after our amendments. <see cref="Statements"/> keeps each statement as first made, so
    /// recording the original again (a re-import) is still recognised as already recorded.
    /// </summary>
    public StatementMade? CurrentReading(string negotiationId, string statementId)
    {
        var key = StatementKey(negotiationId, statementId);
        return Amended.TryGetValue(key, out var amended) ? amended : Statements.GetValueOrDefault(key);
    }

    /// <summary>The standing of a statement: what later events say about it.</summary>
    public Standing StandingOf(string negotiationId, string statementId) =>
        Standings.GetValueOrDefault(StatementKey(negotiationId, statementId)) ?? Standing.Unchallenged;

    private Party Annotate(object annotation, string negotiationId, string statementId, Func<Standing, Standing> change) => this with
    {
        Standings = Standings.SetItem(StatementKey(negotiationId, statementId), change(StandingOf(negotiationId, statementId))),
        Annotations = Annotations.Add(AnnotationKey(annotation)),
    };

    /// <summary>
    /// The same correction, with the same content, is one fact: recording it again appends nothing. Its said instant is keyed
    /// in UTC, so one written "15:00+03:00" is the one stored as "12:00Z" before offsets were kept.
    /// </summary>
    public static string AnnotationKey(object annotation)
    {
        var keyed = annotation switch
        {
            StatementRetracted x => x with { Said = x.Said?.ToUniversal() },
            StatementDenied x => x with { Said = x.Said?.ToUniversal() },
            StatementClarified x => x with { Said = x.Said?.ToUniversal() },
            StatementReported x => x with { Said = x.Said?.ToUniversal() },
            ReportCorrected x => x with { Said = x.Said?.ToUniversal() },
            _ => annotation,
        };
        return $"{keyed.GetType().Name}:{keyed}";
    }

    public static Party? Replay(IEnumerable<object> events) => events.Aggregate((Party?)null, Evolve);

    /// <summary>Statement ids are unique within a negotiation, so seed files written apart can both use "s1".</summary>
    public static string StatementKey(string negotiationId, string statementId) => $"{negotiationId}/{statementId}";

    /// <summary>The same answer to the same proposal on the same day is one fact: recording it again appends nothing.</summary>
    public static string AnswerKey(ProposalAnswered e) => $"{e.NegotiationId}/{e.ProposalId}/{e.Answer.Word()}/{e.CounterProposalId}@{e.Said?.ToUniversal()}";
}

/// <summary>What later events say about a statement. The statement itself is never changed by them.</summary>
public sealed record Standing(bool Retracted, bool Denied, bool Voided, string? DuplicateOf, ImmutableHashSet<string> ReportedBy, int? Credibility)
{
    public static readonly Standing Unchallenged = new(false, false, false, null, [], null);

    /// <summary>Whether the statement still establishes the party's stance: not retracted, not void, not a duplicate of another record.</summary>
    public bool Stands => !Retracted && !Voided && DuplicateOf is null;
}
