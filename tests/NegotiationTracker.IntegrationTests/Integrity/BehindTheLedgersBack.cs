using Npgsql;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>
/// Someone with database access editing the event table with plain SQL, past Marten and the grains: what sealing must expose.
/// </summary>
public sealed class BehindTheLedgersBack(string connectionString)
{
    public const string Events = "negotiation_tracker.mt_events";

    public async Task<IReadOnlyList<EventRow>> RowsAsync(string stream)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select seq_id, stream_id, version, type from {Events} where stream_id = @stream order by version", connection);
        command.Parameters.AddWithValue("stream", stream);
        var rows = new List<EventRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new EventRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>Runs the statements in one transaction; parameters are named @stream, @version, @other and so on.</summary>
    public async Task ExecuteAsync(IReadOnlyDictionary<string, object> parameters, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
