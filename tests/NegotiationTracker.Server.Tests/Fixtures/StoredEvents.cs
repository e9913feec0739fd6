using System.Text.Json.Nodes;
using NegotiationTracker.Hosting.EventStore;
using Npgsql;

namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>One row of mt_events, read straight from PostgreSQL: what the store holds, whatever the server answered.</summary>
public sealed record StoredEvent(string Stream, long Version, long Sequence, string Type, JsonNode Data);

public static class StoredEvents
{
    /// <summary>Every event of these streams, in version order per stream.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> ReadAsync(string connectionString, params string[] streams)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select stream_id, version, seq_id, type, data::text from {NegotiationStore.DefaultSchema}.mt_events where stream_id = any(@streams) order by stream_id, version",
            connection);
        command.Parameters.AddWithValue("streams", streams);
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(new StoredEvent(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), JsonNode.Parse(reader.GetString(4))!));
        }

        return events;
    }

    /// <summary>How many events the whole store holds.</summary>
    public static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {NegotiationStore.DefaultSchema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The version mt_streams records for a stream (0 when it has none).</summary>
    public static async Task<long> StreamVersionAsync(string connectionString, string stream)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select version from {NegotiationStore.DefaultSchema}.mt_streams where id = @stream", connection);
        command.Parameters.AddWithValue("stream", stream);
        return await command.ExecuteScalarAsync() is long version ? version : 0;
    }

    /// <summary>Versions 1..n, each once, in order: the stream has no gap and no duplicate version.</summary>
    public static void ShouldBeGapFree(this IEnumerable<StoredEvent> events, string stream)
    {
        var versions = events.Where(e => e.Stream == stream).Select(e => e.Version).ToList();
        versions.ShouldBe(Enumerable.Range(1, versions.Count).Select(v => (long)v), $"{stream}: versions gap-free and ordered");
    }
}
