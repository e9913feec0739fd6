using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.Grains;

/// <summary>
/// The write path every grain shares: the stream's state rebuilt from the store, a pure decision, and an append that expects
/// the version the decision was made on. On a version conflict the state is reloaded and the rules are decided again,
/// never re-applied blindly (the trap of JournaledGrain's retry). Every event is sealed on the way in: chained by hash to the
/// event before it in the stream, in the same row and transaction (see <see cref="EventSealer"/>).
/// </summary>
internal sealed class StreamWriter<TState>(IDocumentStore store, GroupCommit commits, TimeProvider clock, string streamKey, Func<TState?, object, TState?> evolve)
    where TState : class
{
    private const int Attempts = 3;

    public TState? State { get; private set; }

    public long Version { get; private set; }

    /// <summary>The hash of the stream's last event, which the next append chains from.</summary>
    public string ChainHead { get; private set; } = EventSeal.Genesis;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        IReadOnlyList<JasperFx.Events.IEvent> events;
        try
        {
            events = await session.Events.FetchStreamAsync(streamKey, token: cancellationToken);
        }
        catch (Exception e) when (DatabaseUnavailableException.From(e) is { } outage)
        {
            // Also on activation: the caller learns the database is down, not that a grain could not be created.
            throw outage;
        }

        State = events.Aggregate((TState?)null, (state, e) => evolve(state, e.Data));
        Version = events.Count == 0 ? 0 : events[^1].Version;
        ChainHead = EventChain.HeadOf(events);
    }

    public async Task<CommandResult> ExecuteAsync(Func<TState?, Decision> decide, Recording recording)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (recording.ExpectedVersion is { } expected && expected != Version)
            {
                return new CommandResult(0, Version, Rejection.Conflict($"the stream is at version {Version}, not {expected}: read it again and decide on what it says now"));
            }

            var decision = decide(State);
            if (decision.Rejection is { } rejection)
            {
                return new CommandResult(0, Version, rejection, decision.FailedAt);
            }

            if (decision.Events.Count == 0)
            {
                return new CommandResult(0, Version, null);
            }

            var outcome = await commits.AppendAsync(new PendingAppend(streamKey, Version, decision.Events, recording, ChainHead, clock.GetUtcNow()));
            switch (outcome)
            {
                case AppendOutcome.VersionConflict when attempt < Attempts:
                    await LoadAsync();
                    continue;
                case AppendOutcome.VersionConflict:
                    await LoadAsync();
                    // Reported, never dropped: the caller learns the command was not recorded and may send it again.
                    return new CommandResult(0, Version, Rejection.Conflict($"the stream changed under this command {Attempts} times in a row; nothing was appended, send it again"));
                case AppendOutcome.DuplicateStatementId duplicate:
                    // The statement-id claim refused a duplicate (an id another party already used in the negotiation): nothing was appended.
                    return new CommandResult(0, Version, Rejection.Conflict($"statement id {duplicate.Id} is already used in this negotiation by another party"));
            }

            var head = ((AppendOutcome.Committed)outcome).ChainHead;
            Version += decision.Events.Count;
            ChainHead = head;
            State = decision.Events.Aggregate(State, evolve);
            return new CommandResult(decision.Events.Count, Version, null);
        }
    }

}
