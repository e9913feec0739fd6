using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.Reports;

/// <summary>
/// Everything a report shows, gathered from the read models (never by replaying events here). Every renderer (Markdown,
/// HTML, JSON, CSV) draws from this one object, so the formats cannot disagree.
/// </summary>
public sealed record NegotiationReport(
    NegotiationState State,
    IReadOnlyList<IssuePositions> Positions,
    IReadOnlyList<ProposalLineage> Proposals,
    IReadOnlyList<AgreementRecord> Agreements,
    IReadOnlyList<StatementView> Statements,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<PositionHistory> PositionHistories,
    IReadOnlyList<SourceCitations> Sources,
    DateTimeOffset GeneratedAt)
{
    public const int DefaultLatestStatements = 10;

    /// <summary>Proposals still on the table: not answered yet, or accepted by every party that answered.</summary>
    public IReadOnlyList<ProposalLineage> OpenProposals => Proposals.Where(p => ProposalStatuses.OnTheTable(p.Status)).ToList();

    /// <summary>The most recently said statements, newest first.</summary>
    public IReadOnlyList<StatementView> LatestStatements(int count) => Statements.Reverse().Take(count).ToList();

    public string PartyName(string partyId) => State.Parties.FirstOrDefault(p => p.Id == partyId)?.Name ?? partyId;

    /// <summary>
    /// Statements on the record (every party's count added up): standing, contested and retracted ones; void records and
    /// duplicates are not counted. <see cref="Statements"/> lists the standing and contested ones.
    /// </summary>
    public int StatementsOnRecord => State.Statements;

    /// <summary>Statements on the record that their speakers retracted.</summary>
    public int RetractedStatements => Math.Max(0, State.Statements - Statements.Count);

    /// <summary>Standing statements their speakers denied.</summary>
    public int ContestedStatements => Statements.Count(s => s.Denied);

    /// <summary>What the positions leave out, in a sentence for the brief, or null when they rest on every standing statement.</summary>
    public string? EvidenceNote()
    {
        var left = new List<string>();
        if (Evidence.ExcludeContested)
        {
            left.Add("statements their speakers denied");
        }

        if (Evidence.MinCredibility is { } min)
        {
            left.Add($"statements graded less credible than {min}");
        }

        return left.Count == 0 ? null : $"Positions leave out {string.Join(" and ", left)}.";
    }

    /// <summary>"23 (2 retracted, 1 contested)": the statements on the record, and how many of them no longer stand unchallenged.</summary>
    public string StatementCount()
    {
        var marks = new[] { (RetractedStatements, "retracted"), (ContestedStatements, "contested") }.Where(m => m.Item1 > 0).Select(m => $"{m.Item1} {m.Item2}").ToList();
        return $"{StatementsOnRecord}{(marks.Count == 0 ? "" : $" ({string.Join(", ", marks)})")}";
    }

    /// <summary>The statements the positions rest on: all standing ones unless contested or low-credibility ones are left out.</summary>
    public EvidenceFilter Evidence { get; init; } = EvidenceFilter.All;

    public static Task<NegotiationReport?> LoadAsync(IQuerySession session, string negotiationId, DateTimeOffset generatedAt, CancellationToken cancellationToken = default) =>
        LoadAsync(session, negotiationId, generatedAt, EvidenceFilter.All, cancellationToken);

    /// <param name="evidence">Which statements the positions rest on; with anything but all, the positions are replayed from the event store.</param>
    /// <returns>null when the negotiation is not in the ledger.</returns>
    public static Task<NegotiationReport?> LoadAsync(IQuerySession session, string negotiationId, DateTimeOffset generatedAt, EvidenceFilter evidence, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, negotiationId, summary => LoadAsync(session, summary, generatedAt, evidence, cancellationToken), cancellationToken);

    /// <summary>Every view the report draws on, each read once, from the summary that shows the negotiation exists.</summary>
    private static async Task<NegotiationReport> LoadAsync(IQuerySession session, NegotiationSummary summary, DateTimeOffset generatedAt, EvidenceFilter evidence, CancellationToken cancellationToken)
    {
        var negotiationId = summary.Id;
        var profiles = await PartyProfile.OfMembersAsync(session, summary, cancellationToken);
        var state = evidence.IsAll
            ? await NegotiationState.FromAsync(session, summary, profiles, cancellationToken)
            // The summary exists, so its stream does, and a replay to no moment finds it opened.
            : await (await NegotiationReplay.LoadAsync(session, negotiationId, cancellationToken))!.StateAsync(session, null, null, evidence, cancellationToken)
                ?? throw new InvalidOperationException($"negotiation {negotiationId} has a summary but its stream replays to nothing");

        var histories = (await Projections.Positions.PositionHistories.ForNegotiationAsync(session, summary, cancellationToken))
            .Select(h => h.Filtered(evidence)).Where(h => h.Evidence.Count > 0).ToList();
        var timeline = await NegotiationTimeline.QueryAsync(session, summary, cancellationToken);
        var names = state.Parties.ToDictionary(p => p.Id, p => p.Name);
        var roles = state.Parties.ToDictionary(p => p.Id, p => p.Role);
        var historiesByKey = histories.DistinctBy(h => h.Id).ToDictionary(h => h.Id);
        var proposals = await ProposalLineages.ForNegotiationAsync(session, summary, cancellationToken);
        var agreements = await AgreementRegister.ForNegotiationAsync(session, summary, cancellationToken);
        return new NegotiationReport(
            state,
            state.Issues.Select(issue => new IssuePositions(issue.Id, issue.Title, CurrentPositions(negotiationId, issue.Id, state, historiesByKey)
                .Select(p => p with { PartyName = names.GetValueOrDefault(p.PartyId, p.PartyId), Role = roles.GetValueOrDefault(p.PartyId) })
                .OrderBy(p => p.Role).ThenBy(p => p.PartyName)
                .ToList())).ToList(),
            proposals,
            agreements,
            await StatementLog.QueryAsync(session, summary, new StatementFilter(negotiationId), profiles, cancellationToken),
            timeline.Select(e => new TimelineItem(e, e.PartyId is null ? null : names.GetValueOrDefault(e.PartyId, e.PartyId))).ToList(),
            histories,
            await SourceCitations.ForNegotiationAsync(session, summary, proposals, agreements, cancellationToken),
            generatedAt)
        {
            Evidence = evidence,
        };
    }

    /// <summary>
    /// Each party's current stance on one issue. The party × issue documents are found by their key, not by the issue they
    /// name: a view's key is what Marten sliced the events by. The summary's position stands in, without shifts, for a
    /// party whose history has not been projected yet.
    /// </summary>
    private static IEnumerable<PartyPosition> CurrentPositions(string negotiationId, string issueId, NegotiationState state, Dictionary<string, PositionHistory> byKey)
    {
        foreach (var position in state.Positions.Where(p => p.Issue == issueId))
        {
            if (byKey.GetValueOrDefault(PositionHistory.Key(negotiationId, position.Party, issueId)) is { Current: { } current } history)
            {
                var latest = history.Evidence[^1];
                yield return new PartyPosition(position.Party, position.Party, default, current.Stance, latest.Said, latest.StatementId, history.Periods.Count(p => p.IsShift), current.ShiftedFrom)
                {
                    Contested = latest.Contested,
                };
            }
            else
            {
                yield return new PartyPosition(position.Party, position.Party, default, position.Stance, position.Said, position.StatementId, 0, null)
                {
                    Contested = position.Contested,
                };
            }
        }
    }
}

/// <summary>One issue's row of the positions matrix: each party's current stance and the date of its latest evidence.</summary>
public sealed record IssuePositions(string IssueId, string Title, IReadOnlyList<PartyPosition> Parties);

public sealed record PartyPosition(string PartyId, string PartyName, PartyRole Role, Stance Stance, PartialDate LatestEvidence, string LatestStatementId, int Shifts, Stance? ShiftedFrom)
{
    /// <summary>The latest evidence was denied by its speaker: the stance rests on a contested statement.</summary>
    public bool Contested { get; init; }
}

public sealed record TimelineItem(TimelineEntry Entry, string? PartyName);
