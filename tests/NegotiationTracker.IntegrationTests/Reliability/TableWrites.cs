using NegotiationTracker.Hosting.EventStore;
using Npgsql;

namespace NegotiationTracker.IntegrationTests.Reliability;

/// <summary>
/// Commits that write to one table of the store, as PostgreSQL notifications (LISTEN/NOTIFY), so a test waits for the
/// program it runs to store something instead of reading the table on a timer. A trigger of the test's own, removed on
/// dispose, notifies after each statement that inserts or updates rows; a notification arrives once its transaction has
/// committed, so what it announces is readable when it is seen.
/// </summary>
public sealed class TableWrites : IAsyncDisposable
{
    private const string Schema = NegotiationStore.DefaultSchema;

    private readonly NpgsqlConnection connection;
    private readonly string connectionString;
    private readonly string table;
    private readonly CancellationTokenSource listening = new();
    private readonly Task pump;
    private TaskCompletionSource written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TableWrites(NpgsqlConnection connection, string connectionString, string table)
    {
        this.connection = connection;
        this.connectionString = connectionString;
        this.table = table;
        connection.Notification += (_, _) => Interlocked.Exchange(ref written, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        pump = PumpAsync();
    }

    /// <summary>Listens for writes to <paramref name="table"/> (in the store's schema), which must exist.</summary>
    public static async Task<TableWrites> ListenAsync(string connectionString, string table)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            create or replace function {Schema}.test_notify_{table}() returns trigger language plpgsql as $$
            begin
                perform pg_notify('test_{table}', '');
                return null;
            end $$;
            create trigger test_notify_{table} after insert or update on {Schema}.{table}
                for each statement execute function {Schema}.test_notify_{table}();
            listen test_{table};
            """);
        return new TableWrites(connection, connectionString, table);
    }

    /// <summary>
    /// Completes at the next commit that writes to the table. Take it before reading the table, then await it if what was
    /// read is not yet what the test waits for: a commit between the two completes it, so none is missed.
    /// </summary>
    public Task Next => Volatile.Read(ref written).Task;

    /// <summary>
    /// Until <paramref name="next"/> (taken from <see cref="Next"/>) or <paramref name="exited"/> completes, or
    /// <paramref name="limit"/> has passed: the caller then checks its condition and its own bound again.
    /// </summary>
    public static async Task WaitAsync(Task next, Task exited, TimeSpan limit)
    {
        if (limit > TimeSpan.Zero)
        {
            try
            {
                await Task.WhenAny(next, exited).WaitAsync(limit);
            }
            catch (TimeoutException)
            {
                // The caller's bound says what did not happen.
            }
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (true)
            {
                await connection.WaitAsync(listening.Token);
            }
        }
        catch (OperationCanceledException) when (listening.IsCancellationRequested)
        {
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await listening.CancelAsync();
        await pump;
        // A cancelled wait may leave the listening connection broken: the trigger is removed on a connection of its own.
        await connection.DisposeAsync();
        listening.Dispose();
        await using var cleanup = new NpgsqlConnection(connectionString);
        await cleanup.OpenAsync();
        await ExecuteAsync(cleanup, $"""
            drop trigger test_notify_{table} on {Schema}.{table};
            drop function {Schema}.test_notify_{table}();
            """);
    }
}
