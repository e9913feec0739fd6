using System.Threading.Channels;
using JasperFx;
using Marten;
using Marten.Exceptions;
using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.Grains;

/// <summary>One stream's append, waiting to be committed with others.</summary>
/// <param name="VersionBefore">The version the writer decided on; the append expects the stream to be there still (0: a new stream).</param>
/// <param name="ChainHead">The hash of the stream's last event, which the first new event's seal chains from.</param>
internal sealed record PendingAppend(string StreamKey, long VersionBefore, IReadOnlyList<object> Events, Recording Recording, string ChainHead, DateTimeOffset Now);

/// <summary>What became of a pending append. Only <see cref="Committed"/> means the events are stored.</summary>
internal abstract record AppendOutcome
{
    public sealed record Committed(string ChainHead) : AppendOutcome;

    /// <summary>Another writer appended to the stream since the version the decision was made on; nothing of this append was stored.</summary>
    public sealed record VersionConflict : AppendOutcome;

    /// <summary>A statement id another party already uses in the negotiation (the inline claim refused it); nothing was stored.</summary>
    public sealed record DuplicateStatementId(object Id) : AppendOutcome;
}

/// <summary>
/// Group commit: the appends of every writer grain in this silo that are waiting at the same moment go into one
/// transaction, so many concurrently acting parties cost one round of PostgreSQL's commit, not one each. Each append keeps
/// its own expected-version check and seals; each caller is answered only after the transaction that holds its events has
/// committed. When a transaction fails, its appends are committed one by one, so one stream's conflict (or a duplicate
/// statement id) fails that append alone and the rest of the batch is stored.
/// A single committer also means the inline views (the negotiation's summary, updated by every party's statements) are
/// never read-modified-written by two transactions of this silo at once.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>A bound on one transaction's size; a burst larger than this is committed in several.</summary>
    public const int MaxEventsPerTransaction = 2_000;

    private readonly IDocumentStore store;
    private readonly Channel<(PendingAppend Append, TaskCompletionSource<AppendOutcome> Answer)> queue =
        Channel.CreateUnbounded<(PendingAppend, TaskCompletionSource<AppendOutcome>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task committer;

    public GroupCommit(IDocumentStore store)
    {
        this.store = store;
        committer = Task.Run(CommitLoopAsync);
    }

    internal Task<AppendOutcome> AppendAsync(PendingAppend append)
    {
        // Continuations run off the committer, so a grain resuming never holds up the next batch.
        var answer = new TaskCompletionSource<AppendOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((append, answer)))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "the silo is shutting down: nothing was appended");
        }

        return answer.Task;
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<(PendingAppend Append, TaskCompletionSource<AppendOutcome> Answer)>();
        while (await queue.Reader.WaitToReadAsync())
        {
            var events = 0;
            while (events < MaxEventsPerTransaction && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
                events += item.Append.Events.Count;
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<(PendingAppend Append, TaskCompletionSource<AppendOutcome> Answer)> batch)
    {
        try
        {
            var heads = await SaveAsync(batch.Select(b => b.Append).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(new AppendOutcome.Committed(heads[i]));
            }

            return;
        }
        catch (Exception e) when (DatabaseUnavailableException.From(e) is { } outage)
        {
            // The database is down or too slow: committing the appends one by one would only fail each in turn (or wait out
            // a timeout each), so every waiting caller is answered now and the loop goes on to serve the next batch.
            foreach (var (_, answer) in batch)
            {
                answer.TrySetException(outage);
            }

            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // The whole transaction rolled back: nothing of it is stored. Find the append(s) at fault by committing each alone.
        }
        catch (Exception e)
        {
            Answer(batch[0].Answer, e);
            return;
        }

        foreach (var (append, answer) in batch)
        {
            try
            {
                var heads = await SaveAsync([append]);
                answer.TrySetResult(new AppendOutcome.Committed(heads[0]));
            }
            catch (Exception e)
            {
                Answer(answer, e);
            }
        }
    }

    private static void Answer(TaskCompletionSource<AppendOutcome> answer, Exception e)
    {
        switch (e)
        {
            case ConcurrencyException or ExistingStreamIdCollisionException:
                answer.TrySetResult(new AppendOutcome.VersionConflict());
                break;
            case DocumentAlreadyExistsException duplicate:
                answer.TrySetResult(new AppendOutcome.DuplicateStatementId(duplicate.Id));
                break;
            default:
                // The database is down, a timeout, a bug: the writer's caller sees the failure; nothing was acknowledged.
                answer.TrySetException(DatabaseUnavailableException.From(e) ?? e);
                break;
        }
    }

    /// <returns>Each append's chain head after it, in order.</returns>
    private async Task<string[]> SaveAsync(IReadOnlyList<PendingAppend> appends)
    {
        await using var session = store.LightweightSession();

        // Open the transaction before Marten reserves the batch's sequence numbers. A batch of thousands of events spends
        // seconds between reserving them and inserting the rows (the inline views are worked out in between); the async
        // daemon, seeing that gap in the sequence, skips it after a few seconds unless it finds a transaction that may still
        // fill it, and an open one is the evidence it looks for. Without it, a loaded machine's async views lost whole
        // batches of events while reporting themselves caught up.
        await session.BeginTransactionAsync(CancellationToken.None);
        var heads = new string[appends.Count];
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            // Marten's expected version is the stream's version after this append.
            var action = append.VersionBefore == 0
                ? session.Events.StartStream(append.StreamKey, append.Events)
                : session.Events.Append(append.StreamKey, append.VersionBefore + append.Events.Count, append.Events);
            foreach (var e in action.Events)
            {
                e.CorrelationId = append.Recording.CorrelationId;
            }

            heads[i] = EventSealer.Seal(action.Events, append.StreamKey, append.VersionBefore, append.ChainHead, append.Recording.RecordedBy, append.Now);
        }

        await session.SaveChangesAsync();
        return heads;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await committer;
    }
}
