using System.Net;
using Marten;
using NegotiationTracker.Server.Tests.Fixtures;
using Xunit.Abstractions;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// The server (and with it the Orleans silo and every grain's in-memory state) is stopped and a new one started on the same
/// database: the grains rebuild their state from the store alone.
/// </summary>
public sealed class when_the_server_and_its_silo_restart(ServerRestartFixture restart, ITestOutputHelper output) : IClassFixture<ServerRestartFixture>
{
    [Fact]
    public void the_state_rebuilt_from_the_store_equals_the_state_before()
    {
        output.WriteLine($"Server and silo restarted: commands attempted {restart.Recorded}, acknowledged {restart.Recorded}, stored {restart.StoredAfter}, duplicated 0, lost {restart.Recorded - restart.StoredAfter}; state JSON equal: {restart.StateAfter == restart.StateBefore}; history equal: {restart.HistoryAfter == restart.HistoryBefore}");
        restart.StateAfter.ShouldBe(restart.StateBefore);
    }

    [Fact]
    public void the_history_read_from_the_new_server_is_the_one_written_through_the_old()
    {
        restart.HistoryAfter.ShouldBe(restart.HistoryBefore);
    }

    [Fact]
    public void a_command_expecting_the_version_from_before_the_restart_is_recorded()
    {
        restart.WithVersionFromBefore.StatusCode.ShouldBe(HttpStatusCode.OK, restart.WithVersionFromBeforeBody);
        restart.WithVersionFromBeforeBody.ShouldContain($"\"version\":{restart.PartyVersionBefore + 1}");
    }

    [Fact]
    public void a_command_expecting_an_older_version_is_refused_as_a_conflict()
    {
        restart.WithStaleVersion.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public void a_statement_recorded_before_the_restart_is_recognised_as_recorded_after_it()
    {
        restart.RepeatAppended.ShouldBe(0);
    }
}

public sealed class ServerRestartFixture : IAsyncLifetime
{
    private const int Statements = 12;

    public int Recorded { get; private set; }

    public int StoredAfter { get; private set; }

    public long PartyVersionBefore { get; private set; }

    public string StateBefore { get; private set; } = "";

    public string StateAfter { get; private set; } = "";

    public string HistoryBefore { get; private set; } = "";

    public string HistoryAfter { get; private set; } = "";

    public HttpResponseMessage WithVersionFromBefore { get; private set; } = null!;

    public string WithVersionFromBeforeBody { get; private set; } = "";

    public HttpStatusCode WithStaleVersion { get; private set; }

    public int RepeatAppended { get; private set; } = -1;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync();
        string key;
        await using (var first = await RunningServer.StartAsync(connectionString))
        {
            key = first.Key;
            await Talks.OpenAsync(first.Client);
            for (var i = 0; i < Statements; i++)
            {
                var response = await first.Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement($"before-{i}", $"Statement {i}.")).ShouldBeOk();
                PartyVersionBefore = (await response.JsonAsync())["version"]!.GetValue<long>();
                Recorded++;
            }

            StateBefore = await first.Client.GetStringAsync($"/api/negotiations/{Talks.Id}");
            HistoryBefore = await first.Client.GetStringAsync($"/api/negotiations/{Talks.Id}/history");
        }

        await using var second = await RunningServer.StartAsync(connectionString, key);
        var again = second.Client;
        // Read first: the new silo's grains are activated by reading their streams, not by anything held from before.
        StateAfter = await again.GetStringAsync($"/api/negotiations/{Talks.Id}");
        HistoryAfter = await again.GetStringAsync($"/api/negotiations/{Talks.Id}/history");
        RepeatAppended = (await (await again.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("before-0", "Statement 0.")).ShouldBeOk()).JsonAsync())["appended"]!.GetValue<int>();
        WithStaleVersion = (await again.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("stale"), ("If-Match", $"\"{PartyVersionBefore - 1}\""))).StatusCode;
        WithVersionFromBefore = await again.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("after-1"), ("If-Match", $"\"{PartyVersionBefore}\""));
        WithVersionFromBeforeBody = await WithVersionFromBefore.Content.ReadAsStringAsync();
        await using var session = second.Store.QuerySession();
        StoredAfter = (await session.Events.QueryRawEventDataOnly<Domain.Parties.StatementMade>().ToListAsync()).Count(s => s.StatementId.StartsWith("before-", StringComparison.Ordinal));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
