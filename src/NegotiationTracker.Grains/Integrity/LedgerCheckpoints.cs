using JasperFx;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// Checkpoints of the whole log, kept as sealed events in their own stream. Its writer is whoever creates a checkpoint (the
/// CLI): appends expect the stream's version, so two at once cannot both land on the same version.
/// </summary>
public sealed class LedgerCheckpoints(IDocumentStore store, TimeProvider? clock = null)
{
    public const string Stream = "ledger/checkpoints";

    private const int Attempts = 3;

    /// <summary>The latest checkpoint stored, if any.</summary>
    public async Task<LogCheckpointed?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(Stream, token: cancellationToken);
        return events.Select(e => e.Data).OfType<LogCheckpointed>().LastOrDefault();
    }

    /// <summary>
    /// Reads the whole log, fixes its Merkle root as a checkpoint and appends it. Also returns what the read found: a
    /// checkpoint fixes the log as it is, damaged or not, so later changes show; it does not vouch for it.
    /// </summary>
    public async Task<(LogCheckpointed Checkpoint, VerificationReport Report)> CreateAsync(string recordedBy, string correlationId, CancellationToken cancellationToken = default)
    {
        var verifier = new LedgerVerifier(store, clock);
        for (var attempt = 1; ; attempt++)
        {
            var report = await verifier.VerifyAsync(cancellationToken: cancellationToken);
            var checkpoint = report.Head!;

            // An append whose sequence was reserved before the read but committed after it would later join the covered range
            // and break the checkpoint: count again outside the snapshot, and read again if anything arrived below the mark.
            if (await CountUpToAsync(checkpoint.UpToSequence, cancellationToken) != checkpoint.EventCount)
            {
                if (attempt < Attempts)
                {
                    continue;
                }

                throw new InvalidOperationException("the log kept changing below the checkpoint's mark; try again when writes have settled");
            }

            try
            {
                await AppendAsync(checkpoint, recordedBy, correlationId, cancellationToken);
                return (checkpoint, report);
            }
            catch (Exception e) when (attempt < Attempts && e is ConcurrencyException or ExistingStreamIdCollisionException)
            {
                // Another checkpoint landed first: read again, so this one covers it too.
            }
        }
    }

    private async Task AppendAsync(LogCheckpointed checkpoint, string recordedBy, string correlationId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.CorrelationId = correlationId;
        session.LastModifiedBy = recordedBy;
        var existing = await session.Events.FetchStreamAsync(Stream, token: cancellationToken);
        var version = existing.Count == 0 ? 0 : existing[^1].Version;
        var append = version == 0
            ? session.Events.StartStream(Stream, checkpoint)
            : session.Events.Append(Stream, version + 1, checkpoint);
        EventSealer.Seal(append.Events, Stream, version, EventChain.HeadOf(existing), recordedBy, (clock ?? TimeProvider.System).GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<long> CountUpToAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select count(*) from \"{store.Options.Events.DatabaseSchemaName}\".mt_events where seq_id <= @sequence", connection);
        command.Parameters.AddWithValue("sequence", sequence);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
