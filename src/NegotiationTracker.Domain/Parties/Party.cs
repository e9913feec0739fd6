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
    ImmutableDictionary<string, StatementReading> Readings,
    ImmutableHashSet<string> Annotations)
{
    public static Party? Evolve(Party? state, object @event) => (state, @event) switch
    {
        (null, PartyRegistered e) => new Party(e.PartyId, e.Name, e.Kind, ImmutableDictionary<string, PersonAffiliated>.Empty,
            ImmutableDictionary<string, StatementMade>.Empty, [], ImmutableDictionary<string, StatementReading>.Empty, []),
        (null, _) => null,
        ({ } s, PersonAffiliated e) => s with { People = s.People.SetItem(e.PersonId, e) },
        ({ } s, StatementMade e) => s with
        {
            Statements = s.Statements.SetItem(StatementKey(e.NegotiationId, e.StatementId), e),
            Readings = s.Readings.ContainsKey(StatementKey(e.NegotiationId, e.StatementId)) ? s.Readings : s.Readings.SetItem(StatementKey(e.NegotiationId, e.StatementId), StatementReading.Evolve(null, e)!),
        },
        ({ } s, ProposalAnswered e) => s with { Answers = s.Answers.Add(AnswerKey(e)) },
        ({ } s, IStatementAnnotation e) when s.Readings.GetValueOrDefault(StatementKey(e.NegotiationId, e.StatementId)) is { } reading => s with
        {
            Readings = s.Readings.SetItem(StatementKey(e.NegotiationId, e.StatementId), StatementReading.Evolve(reading, e)!),
            Annotations = s.Annotations.Add(AnnotationKey(e)),
        },
        ({ } s, _) => s,
    };

    /// <summary>
    /// The statement as it reads after our amendments. <see cref="Statements"/> keeps each statement as first made, so
    /// recording the original again (a re-import) is still recognised as already recorded.
    /// </summary>
    public StatementMade? CurrentReading(string negotiationId, string statementId) =>
        Readings.GetValueOrDefault(StatementKey(negotiationId, statementId))?.Current;

    /// <summary>The standing of a statement: what later events say about it.</summary>
    public Standing StandingOf(string negotiationId, string statementId) =>
        Readings.GetValueOrDefault(StatementKey(negotiationId, statementId))?.Standing ?? Standing.Unchallenged;

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
