using NegotiationTracker.Domain.Common;
using System.Data;
using System.Text;
using Marten;
using NegotiationTracker.Domain.Negotiations;
using Npgsql;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// Re-reads the event store and checks every event against its stream's hash chain, and the whole log against checkpoints.
/// One pass over mt_events in sequence order, streamed in a single repeatable-read snapshot (no query per event or stream),
/// holding only the last hash per stream and the Merkle tree's right edge.
/// </summary>
public sealed class LedgerVerifier(IDocumentStore store, TimeProvider? clock = null)
{
    /// <summary>The streams of a negotiation: its own and its members' (who joined it); null when it is not in the ledger.</summary>
    public async Task<IReadOnlySet<string>?> NegotiationStreamsAsync(string negotiationId, CancellationToken cancellationToken = default)
    {
        var stream = Streams.Negotiation(negotiationId);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand(
            $"select exists(select 1 from {Table("mt_streams")} where id = @stream) or exists(select 1 from {Table("mt_events")} where stream_id = @stream)",
            connection);
        exists.Parameters.AddWithValue("stream", stream);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return null;
        }

        // Members from the stored rows, not through deserialisation: a damaged row must not hide a member's stream.
        await using var members = new NpgsqlCommand(
            $"select distinct data ->> 'partyId' from {Table("mt_events")} where stream_id = @stream and type = @joined and data ->> 'partyId' is not null",
            connection);
        members.Parameters.AddWithValue("stream", stream);
        members.Parameters.AddWithValue("joined", TypeName(typeof(PartyJoined)));
        var streams = new HashSet<string> { stream };
        await using var reader = await members.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(Streams.Party(reader.GetString(0)));
        }

        return streams;
    }

    /// <param name="streams">The streams to verify; null for the whole log (and the checkpoints stored in it).</param>
    /// <param name="checkpoint">An exported checkpoint the log must be an extension of; reads the whole log to check it.</param>
    public async Task<VerificationReport> VerifyAsync(IReadOnlySet<string>? streams = null, LogCheckpointed? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var wholeLog = streams is null || checkpoint is not null;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        // One snapshot for the stream table, the stored checkpoints and the events, so they agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var recordedVersions = await RecordedVersionsAsync(connection, transaction, streams, cancellationToken);
        var checks = new List<CheckpointCheck>();
        if (checkpoint is not null)
        {
            checks.Add(new CheckpointCheck(checkpoint, "checkpoint file", null, null));
        }

        if (streams is null)
        {
            checks.AddRange(await StoredCheckpointsAsync(connection, transaction, cancellationToken));
        }

        var scan = new ChainScan(streams, recordedVersions, checks.OrderBy(c => c.Checkpoint.UpToSequence), wholeLog, (clock ?? TimeProvider.System).GetUtcNow());
        await ReadEventsAsync(connection, transaction, wholeLog ? null : streams, scan, cancellationToken);
        return scan.Finish();
    }

    private async Task<Dictionary<string, long>> RecordedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlySet<string>? streams, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select id, version from {Table("mt_streams")}" + (streams is null ? "" : " where id = any(@streams)"),
            connection,
            transaction);
        if (streams is not null)
        {
            command.Parameters.AddWithValue("streams", streams.ToArray());
        }

        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        }

        return versions;
    }

    private async Task<List<CheckpointCheck>> StoredCheckpointsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select seq_id, version, data from {Table("mt_events")} where stream_id = @stream and type = @type order by seq_id",
            connection,
            transaction);
        command.Parameters.AddWithValue("stream", LedgerCheckpoints.Stream);
        command.Parameters.AddWithValue("type", TypeName(typeof(LogCheckpointed)));
        var checks = new List<CheckpointCheck>();
        var serializer = store.Options.Serializer();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            try
            {
                var stored = (LogCheckpointed)serializer.FromJson(typeof(LogCheckpointed), new MemoryStream(Encoding.UTF8.GetBytes(reader.GetString(2))));
                checks.Add(new CheckpointCheck(stored, LedgerCheckpoints.Stream, reader.GetInt64(1), reader.GetInt64(0)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Unreadable: its own chain check reports the row as changed.
            }
        }

        return checks;
    }

    private async Task ReadEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlySet<string>? streams, ChainScan scan, CancellationToken cancellationToken)
    {
        var types = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventTypeName, t => t.EventType, StringComparer.Ordinal);
        var serializer = store.Options.Serializer();
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, type, data, timestamp, user_name, headers ->> '{EventSeal.HashHeader}', headers ->> '{EventSeal.PreviousHeader}' " +
            $"from {Table("mt_events")}" + (streams is null ? "" : " where stream_id = any(@streams)") + " order by seq_id",
            connection,
            transaction);
        if (streams is not null)
        {
            command.Parameters.AddWithValue("streams", streams.ToArray());
        }

        // Npgsql streams the rows as they are read: memory stays flat however long the log is.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var streamKey = reader.GetString(1);
            var type = reader.GetString(3);
            var json = Encoding.UTF8.GetBytes(reader.GetString(4));
            var recordedAt = reader.GetFieldValue<DateTimeOffset>(5);
            var recordedBy = reader.IsDBNull(6) ? null : reader.GetString(6);
            string? unreadable = null;
            byte[] canonical;
            string? said = null;
            if (types.TryGetValue(type, out var eventType))
            {
                try
                {
                    var data = serializer.FromJson(eventType, new MemoryStream(json));
                    canonical = CanonicalJson.Of(data);
                    said = SaidDate.Of(data)?.ToString();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    unreadable = $"its data cannot be read as {type}: {e.Message}";
                    canonical = json;
                }
            }
            else
            {
                unreadable = $"its type '{type}' is not an event type of the ledger";
                canonical = json;
            }

            var seal = reader.IsDBNull(7) ? null : new EventSeal(reader.GetString(7), reader.IsDBNull(8) ? EventSeal.Genesis : reader.GetString(8));
            scan.Add(new StoredEvent(
                reader.GetInt64(0),
                streamKey,
                reader.GetInt64(2),
                new SealedContent(streamKey, type, canonical, said, recordedAt, recordedBy),
                seal,
                unreadable));
        }
    }

    private string TypeName(Type eventType) => store.Options.Events.AllKnownEventTypes().Single(t => t.EventType == eventType).EventTypeName;

    private string Table(string name) => $"\"{store.Options.Events.DatabaseSchemaName}\".{name}";
}
