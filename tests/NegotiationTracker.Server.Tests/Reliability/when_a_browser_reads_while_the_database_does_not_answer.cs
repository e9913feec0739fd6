using NegotiationTracker.Server.Tests.Fixtures;
using Npgsql;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// The server's connections carry <c>statement_timeout = 1s</c> and the API keys' table is locked, so checking a key runs
/// out of time: an outage, met by a request that takes only HTML (<c>Accept: text/html</c>), not JSON.
/// </summary>
public sealed class when_a_browser_reads_while_the_database_does_not_answer(BrowserOutageFixture outage) : IClassFixture<BrowserOutageFixture>
{
    [Fact]
    public void the_answer_is_a_503_problem_with_retry_after_not_a_bare_status()
    {
        outage.During.Status.ShouldBe(503, outage.During.Body);
        outage.During.ContentType.ShouldBe("application/problem+json");
        outage.During.RetryAfter.ShouldBe(DatabaseOutage.RetryAfterSeconds);
        outage.During.Code.ShouldBe(DatabaseOutage.Code);
    }

    [Fact]
    public void the_same_request_is_answered_once_the_database_answers()
    {
        outage.After.Status.ShouldBe(200, outage.After.Body);
        outage.After.ContentType.ShouldBe("text/html");
    }
}

public sealed class BrowserOutageFixture : IAsyncLifetime
{
    public Reply During { get; private set; } = null!;

    public Reply After { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var plain = await TestDatabase.CreateAsync();
        // On the connection string, so it applies to this server's connections and to no other test's.
        var connectionString = new NpgsqlConnectionStringBuilder(plain) { Options = "-c statement_timeout=1000" }.ConnectionString;
        await using var server = await RunningServer.StartAsync(connectionString);
        await Talks.OpenAsync(server.Client);
        var report = $"/api/negotiations/{Talks.Id}/report";

        await using (var locker = new NpgsqlConnection(plain))
        {
            await locker.OpenAsync();
            var keys = await BusyServerFixture.ApiKeysTableAsync(locker);
            await using var transaction = await locker.BeginTransactionAsync();
            await using (var lockKeys = new NpgsqlCommand($"lock table {keys} in access exclusive mode", locker, transaction))
            {
                await lockKeys.ExecuteNonQueryAsync();
            }

            During = await Reply.ReadAsync(server.Client.SendAsync(BusyServerFixture.Html(report)));
            await transaction.RollbackAsync();
        }

        After = await Reply.ReadAsync(server.Client.SendAsync(BusyServerFixture.Html(report)));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
