using Npgsql;

namespace NegotiationTracker.Server;

/// <summary>Whether this node can serve: PostgreSQL answers, and the silo is up and takes grain calls.</summary>
public sealed class Readiness(string connectionString)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <returns>null when ready, else what is not.</returns>
    public async Task<string?> CheckAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return $"PostgreSQL does not answer: {e.Message}";
        }

        try
        {
            // A system grain: proves the silo is active and takes calls, without touching the ledger.
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout, timeout.Token);
            return hosts.Count > 0 ? null : "no active silo";
        }
        catch (Exception e) when (e is OrleansException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return $"the silo does not answer: {e.Message}";
        }
    }
}
