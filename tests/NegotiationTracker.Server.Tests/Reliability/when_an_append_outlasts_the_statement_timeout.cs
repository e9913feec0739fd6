using System.Diagnostics;
using Marten;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Server.Tests.Fixtures;
using Npgsql;
using Xunit.Abstractions;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// The server's connections carry <c>statement_timeout = 2s</c>, and another session holds an exclusive lock on the events
/// table, so every append waits until PostgreSQL cancels it: the timeout fault, made certain rather than hoped for.
/// </summary>
public sealed class when_an_append_outlasts_the_statement_timeout(StatementTimeoutFixture timeout, ITestOutputHelper output) : IClassFixture<StatementTimeoutFixture>
{
    [Fact]
    public void the_command_is_a_503_with_retry_after_within_seconds()
    {
        output.WriteLine($"Statement timeout (2 s) with the events table locked: commands attempted 2, acknowledged {(timeout.Blocked.Status == 200 ? 1 : 0) + (timeout.AfterRelease.Status == 200 ? 1 : 0)}, stored {timeout.StoredAfterRelease}, duplicated {Math.Max(0, timeout.StoredAfterRelease - 1)}, lost 0; "
            + $"blocked command answered {timeout.Blocked.Status} after {timeout.Blocked.Elapsed.TotalSeconds:0.0} s; events before {timeout.EventsBefore}, after the timeout {timeout.EventsAfterTimeout}; CLI import under the lock: exit {timeout.Cli.ExitCode}; survived: {timeout.EventsAfterTimeout == timeout.EventsBefore && timeout.AfterRelease.Status == 200}");
        timeout.Blocked.Status.ShouldBe(503);
        timeout.Blocked.RetryAfter.ShouldBe(DatabaseOutage.RetryAfterSeconds);
        timeout.Blocked.Code.ShouldBe(DatabaseOutage.Code);
        timeout.Blocked.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void nothing_of_it_is_written_neither_events_nor_views()
    {
        timeout.EventsAfterTimeout.ShouldBe(timeout.EventsBefore);
        timeout.LogRowsAfterTimeout.ShouldBe(timeout.LogRowsBefore);
        timeout.StateAfterTimeout.ShouldBe(timeout.StateBefore);
    }

    [Fact]
    public void the_cli_says_the_database_did_not_answer_and_exits_4_having_appended_nothing()
    {
        timeout.Cli.ExitCode.ShouldBe(4, timeout.Cli.ToString());
        // The daemon may warn first (the lock holds its high-water mark back); the error itself is one line, no stack trace.
        var lines = timeout.Cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotContain(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal), timeout.Cli.ToString());
        lines[^1].ShouldStartWith("the database is unavailable");
        lines[^1].ShouldContain("statement timeout");
        timeout.EventsAfterCli.ShouldBe(timeout.EventsBefore);
    }

    [Fact]
    public void once_the_lock_is_gone_the_same_command_is_recorded_once()
    {
        timeout.AfterRelease.Status.ShouldBe(200);
        timeout.AfterRelease.Appended.ShouldBe(1);
        timeout.StoredAfterRelease.ShouldBe(1);
    }
}

public sealed record TimedReply(int Status, int Appended, TimeSpan Elapsed, int? RetryAfter, string? Code);

public sealed class StatementTimeoutFixture : IAsyncLifetime
{
    private const string EventsTable = "negotiation_tracker.mt_events";

    public TimedReply Blocked { get; private set; } = null!;

    public TimedReply AfterRelease { get; private set; } = null!;

    public CliOutput Cli { get; private set; } = new(-1, "", "");

    public long EventsBefore { get; private set; }

    public long EventsAfterTimeout { get; private set; }

    public long EventsAfterCli { get; private set; }

    public int LogRowsBefore { get; private set; }

    public int LogRowsAfterTimeout { get; private set; }

    public string StateBefore { get; private set; } = "";

    public string StateAfterTimeout { get; private set; } = "";

    public int StoredAfterRelease { get; private set; }

    public async Task InitializeAsync()
    {
        var plain = await TestDatabase.CreateAsync();
        // Set on the connection string, so it applies to the server's connections (and the CLI's) and to no other test's.
        var connectionString = new NpgsqlConnectionStringBuilder(plain) { Options = "-c statement_timeout=2000" }.ConnectionString;
        await using var server = await RunningServer.StartAsync(connectionString);
        await Talks.OpenAsync(server.Client);
        await server.Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("first")).ShouldBeOk();
        (EventsBefore, LogRowsBefore) = await CountAsync(server.Store);
        StateBefore = await server.Client.GetStringAsync($"/api/negotiations/{Talks.Id}");

        await using (var locker = new NpgsqlConnection(plain))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            // EXCLUSIVE blocks inserts and leaves reads alone, so the grains can still load and queries answer.
            await using (var lockEvents = new NpgsqlCommand($"lock table {EventsTable} in exclusive mode", locker, transaction))
            {
                await lockEvents.ExecuteNonQueryAsync();
            }

            Blocked = await SendAsync(server.Client, "blocked");
            (EventsAfterTimeout, LogRowsAfterTimeout) = await CountAsync(server.Store);
            StateAfterTimeout = await server.Client.GetStringAsync($"/api/negotiations/{Talks.Id}");

            var seed = Path.Combine(Path.GetTempPath(), $"timeout-{Guid.NewGuid():N}.yaml");
            File.Copy(Paths.Seed("us-iraq-withdrawal.yaml"), seed);
            Cli = await NegotiationProgram.RunAsync(["import", seed, "--db", connectionString]);
            File.Delete(seed);
            (EventsAfterCli, _) = await CountAsync(server.Store);
            await transaction.RollbackAsync();
        }

        AfterRelease = await SendAsync(server.Client, "blocked");
        await using var session = server.Store.QuerySession();
        StoredAfterRelease = (await session.Events.QueryRawEventDataOnly<Domain.Parties.StatementMade>().ToListAsync()).Count(s => s.StatementId == "blocked");
    }

    private static async Task<TimedReply> SendAsync(HttpClient client, string statementId)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement(statementId, "Sent while the events table is locked."));
        var elapsed = clock.Elapsed;
        var json = await response.JsonAsync();
        return new TimedReply(
            (int)response.StatusCode,
            json["appended"]?.GetValue<int>() ?? 0,
            elapsed,
            response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null,
            json["code"]?.GetValue<string>());
    }

    private static async Task<(long Events, int LogRows)> CountAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return (await session.Events.QueryAllRawEvents().LongCountAsync(), await session.Query<StatementRecord>().CountAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
