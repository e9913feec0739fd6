using System.Collections.Immutable;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>
/// A statement record as it reads now: the fields after our amendments, its standing (retracted, denied, void, a duplicate),
/// its credibility grade, the other outlets' reports and the speaker's clarifications. <see cref="Evolve"/> is the only
/// place that turns a record's events into its reading; the decider, every view, every replay and every report take the
/// reading from it, so no two of them can read a correction differently.
/// </summary>
public sealed record StatementReading(
    StatementMade Original,
    StatementMade Current,
    Standing Standing,
    ImmutableList<ReportReading> Reports,
    ImmutableList<string> Clarifications)
{
    /// <summary>Whether an event is one the reading folds: the statement itself or a later fact about it.</summary>
    public static bool Reads(object @event) => @event is StatementMade or IStatementAnnotation;

    /// <summary>The reading after one more event about the statement; events about other records leave it as it is.</summary>
    public static StatementReading? Evolve(StatementReading? reading, object @event) => (reading, @event) switch
    {
        (null, StatementMade e) => new StatementReading(e, e, Standing.Unchallenged, [], []),
        (null, _) => null,
        ({ } r, IStatementAnnotation a) when a.StatementId != r.Original.StatementId || a.NegotiationId != r.Original.NegotiationId => r,
        ({ } r, RecordAmended e) => r with { Current = StatementFields.Amend(r.Current, e.Field, e.NewValue) },
        ({ } r, StatementRetracted) => r with { Standing = r.Standing with { Retracted = true } },
        ({ } r, StatementDenied) => r with { Standing = r.Standing with { Denied = true } },
        ({ } r, RecordVoided) => r with { Standing = r.Standing with { Voided = true } },
        ({ } r, DuplicateLinked e) => r with { Standing = r.Standing with { DuplicateOf = e.DuplicateOf } },
        ({ } r, DuplicateUnlinked) => r with { Standing = r.Standing with { DuplicateOf = null } },
        ({ } r, StatementGraded e) => r with { Standing = r.Standing with { Credibility = e.Credibility } },
        ({ } r, StatementClarified e) => r with { Clarifications = r.Clarifications.Add(e.Clarification) },
        ({ } r, StatementReported e) => r with
        {
            Standing = r.Standing with { ReportedBy = r.Standing.ReportedBy.Add(e.SourceId) },
            Reports = r.Reports.Add(new ReportReading(e.SourceId, e.Attribution, e.Text, e.ReportedVia, e.Said, [])),
        },
        ({ } r, ReportCorrected e) => r with { Reports = Corrected(r.Reports, e) },
        ({ } r, _) => r,
    };

    /// <summary>The readings of every statement among the events, by statement key, in the order the statements were recorded.</summary>
    public static IReadOnlyDictionary<string, StatementReading> Fold(IEnumerable<object> events)
    {
        var readings = new Dictionary<string, StatementReading>();
        foreach (var @event in events)
        {
            switch (@event)
            {
                case StatementMade made:
                    readings.TryAdd(Party.StatementKey(made.NegotiationId, made.StatementId), Evolve(null, made)!);
                    break;
                case IStatementAnnotation about when readings.TryGetValue(Party.StatementKey(about.NegotiationId, about.StatementId), out var reading):
                    readings[Party.StatementKey(about.NegotiationId, about.StatementId)] = Evolve(reading, about)!;
                    break;
            }
        }

        return readings;
    }

    /// <summary>An outlet's correction belongs to its own report; one that corrects the original source's report is kept apart.</summary>
    private static ImmutableList<ReportReading> Corrected(ImmutableList<ReportReading> reports, ReportCorrected e)
    {
        var at = reports.FindLastIndex(x => x.SourceId == e.SourceId);
        return at < 0
            ? reports.Add(new ReportReading(e.SourceId, null, null, null, null, [e.Correction]))
            : reports.SetItem(at, reports[at] with { Corrections = reports[at].Corrections.Add(e.Correction) });
    }
}

/// <summary>
/// Another outlet's report of the utterance and its own corrections. A report with no text is the original source's
/// report, corrected by its outlet.
/// </summary>
public sealed record ReportReading(string SourceId, Attribution? Attribution, string? Text, string? Via, PartialDate? Said, ImmutableList<string> Corrections);

/// <summary>What later events say about a statement. The statement itself is never changed by them.</summary>
public sealed record Standing(bool Retracted, bool Denied, bool Voided, string? DuplicateOf, ImmutableHashSet<string> ReportedBy, int? Credibility)
{
    public static readonly Standing Unchallenged = new(false, false, false, null, [], null);

    /// <summary>Whether the statement still establishes the party's stance: not retracted, not void, not a duplicate of another record.</summary>
    public bool Stands => !Retracted && !Voided && DuplicateOf is null;

    /// <summary>
    /// Whether the statement counts as one thing the party said: every record but a void one (entered in error) and a
    /// duplicate (another record of an utterance already counted). A retracted statement was said, and is counted.
    /// </summary>
    public bool OnRecord => !Voided && DuplicateOf is null;

    /// <summary>Denied by the speaker: it still stands (the reports stand), but it is contested, and shown so everywhere.</summary>
    public bool Contested => Denied;

    /// <summary>
    /// One word for the record's standing, in order of precedence: void (permanent), retracted (permanent; unlinking a
    /// duplicate does not undo it), duplicate, standing. A denial is not a status: a denied statement stands, contested.
    /// </summary>
    public string Status => Voided ? RecordStatuses.Void : Retracted ? RecordStatuses.Retracted : DuplicateOf is not null ? RecordStatuses.Duplicate : RecordStatuses.Standing;

    /// <summary>
    /// Whether it passes a stance view's evidence filter: contested statements left out when asked, and statements graded
    /// less credible than the filter's minimum (Admiralty: 1 confirmed … 6 cannot be judged). An ungraded
    /// statement is not judged less credible: it passes.
    /// </summary>
    public bool Passes(EvidenceFilter filter) => filter.Admits(Contested, Credibility);
}

/// <summary>The words of a record's status, as stored and printed.</summary>
public static class RecordStatuses
{
    public const string Standing = "standing";
    public const string Retracted = "retracted";
    public const string Void = "void";
    public const string Duplicate = "duplicate";
}

/// <summary>Which statements a stance view takes as evidence: all standing ones by default.</summary>
/// <param name="MinCredibility">Leave out statements graded worse than this (a larger number) on the Admiralty scale, 1–6.</param>
public sealed record EvidenceFilter(bool ExcludeContested = false, int? MinCredibility = null)
{
    public static readonly EvidenceFilter All = new();

    public bool IsAll => !ExcludeContested && MinCredibility is null;

    /// <summary>Whether a statement, contested or not and graded or not, counts as evidence.</summary>
    public bool Admits(bool contested, int? credibility) =>
        !(ExcludeContested && contested) && !(MinCredibility is { } min && credibility is { } grade && grade > min);
}
