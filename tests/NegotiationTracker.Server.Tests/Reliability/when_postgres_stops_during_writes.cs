using NegotiationTracker.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Hosting.Postgres;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;
using Xunit.Abstractions;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// PostgreSQL is killed (<c>pg_ctl stop -m immediate</c>) while four clients record statements through the server, and
/// started again a moment later. The server process is never restarted.
/// </summary>
public sealed class when_postgres_stops_during_writes(PostgresOutageFixture outage, ITestOutputHelper output) : IClassFixture<PostgresOutageFixture>
{
    /// <summary>"Fails fast": far below the HTTP client's and Orleans' 30 s timeouts, far above a refused connection.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);

    [Fact]
    public void commands_during_the_outage_fail_fast_with_503_retry_after_and_a_problem()
    {
        outage.DuringOutage.ShouldNotBeEmpty("no command was sent while PostgreSQL was down");
        var failed = outage.DuringOutage.Where(a => a.Status != 200).ToList();
        failed.ShouldNotBeEmpty();
        failed.ShouldAllBe(a => a.Status == 503 && a.RetryAfter == DatabaseOutage.RetryAfterSeconds && a.ContentType == "application/problem+json" && a.Code == DatabaseOutage.Code);
        failed.Max(a => a.Elapsed).ShouldBeLessThan(FailFast);
    }

    [Fact]
    public void every_answer_is_an_acknowledgement_or_a_503()
    {
        outage.Attempts.Select(a => a.Status).Distinct().Order().ShouldBe([200, 503]);
    }

    [Fact]
    public void a_query_during_the_outage_is_a_503_too()
    {
        outage.QueryDuringOutage.ShouldBe(503);
    }

    [Fact]
    public void writes_resume_in_the_same_server_process_when_postgres_returns()
    {
        outage.AcknowledgedAfterRestart.ShouldBeGreaterThanOrEqualTo(PostgresOutageFixture.AcknowledgementsToSeeAfterRestart);
    }

    [Fact]
    public void nothing_acknowledged_is_lost_and_nothing_is_stored_twice()
    {
        var stored = outage.StoredAfterRetries;
        var acknowledged = outage.Attempts.Where(a => a.Status == 200).Select(a => a.StatementId).Distinct().ToList();
        var attempted = outage.Attempts.Select(a => a.StatementId).Distinct().Count();
        var lost = acknowledged.Count(id => !stored.ContainsKey(id));
        var duplicated = stored.Count(s => s.Value > 1);
        output.WriteLine($"PostgreSQL stopped during writes (4 HTTP writers): commands attempted {attempted}, acknowledged {acknowledged.Count}, stored {stored.Count}, duplicated {duplicated}, lost {lost}");
        output.WriteLine($"  during the outage: {outage.DuringOutage.Count(a => a.Status == 503)} answered 503 (slowest {outage.DuringOutage.Where(a => a.Status == 503).Select(a => a.Elapsed.TotalMilliseconds).DefaultIfEmpty().Max():0} ms); "
            + $"failed but stored all the same (commit cut off): {outage.FailedButStored}; retries of failed commands that appended nothing: {outage.RetriesAppendingNothing}, that appended their statement: {outage.RetriesAppending}");
        output.WriteLine($"  PostgreSQL down {outage.Downtime.TotalSeconds:0.0} s; first acknowledgement {outage.FirstAcknowledgementAfterRestart.TotalSeconds:0.0} s after it was back; CLI import during the outage: exit {outage.CliDuringOutage.ExitCode}");
        output.WriteLine($"  survived: {lost == 0 && duplicated == 0 && outage.AcknowledgedAfterRestart > 0}");

        lost.ShouldBe(0);
        duplicated.ShouldBe(0);
        // Each failed command was sent again once it could be: every attempted statement is stored now, once.
        stored.Count.ShouldBe(attempted);
    }

    [Fact]
    public void a_failed_command_that_was_stored_after_all_appends_nothing_when_sent_again()
    {
        outage.RetriesOfStoredFailures.ShouldAllBe(appended => appended == 0);
    }

    [Fact]
    public void the_cli_writing_to_the_stopped_database_says_so_on_one_line_and_exits_4()
    {
        outage.CliDuringOutage.ExitCode.ShouldBe(4, outage.CliDuringOutage.ToString());
        var lines = outage.CliDuringOutage.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, outage.CliDuringOutage.ToString());
        lines[0].ShouldStartWith("the database is unavailable");
    }
}

public sealed record Attempt(string StatementId, int Status, int Appended, TimeSpan Elapsed, int? RetryAfter, string? ContentType, string? Code, bool DuringOutage);

/// <summary>Runs the outage once for the class: a private cluster (stopping the shared one would break other classes), a server on it, four writers.</summary>
public sealed class PostgresOutageFixture : IAsyncLifetime
{
    public const int AcknowledgementsToSeeAfterRestart = 20;
    private const int Writers = 4;

    /// <summary>503s each writer collects from the outage before it waits for PostgreSQL to return.</summary>
    private const int OutageAnswersPerWriter = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<Attempt> attempts = new();
    private EmbeddedPostgres cluster = null!;
    private WebApplication app = null!;
    private HttpClient client = null!;
    private volatile bool down;

    /// <summary>Completed when PostgreSQL is back, for the writers that have seen enough of the outage.</summary>
    private readonly TaskCompletionSource restarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed (and replaced) at each answer a writer records, for the fixture waiting on what the answers add up to.</summary>
    private TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Attempt> Attempts => [.. attempts];

    public IReadOnlyList<Attempt> DuringOutage => [.. attempts.Where(a => a.DuringOutage)];

    public int QueryDuringOutage { get; private set; }

    public CliOutput CliDuringOutage { get; private set; } = new(-1, "", "");

    public int AcknowledgedAfterRestart { get; private set; }

    public TimeSpan Downtime { get; private set; }

    public TimeSpan FirstAcknowledgementAfterRestart { get; private set; }

    public int FailedButStored { get; private set; }

    public int RetriesAppendingNothing => RetriesOfStoredFailures.Count;

    public int RetriesAppending { get; private set; }

    public List<int> RetriesOfStoredFailures { get; } = [];

    /// <summary>Statement id → how many times the store holds it, after every failed command was sent again.</summary>
    public IReadOnlyDictionary<string, int> StoredAfterRetries { get; private set; } = new Dictionary<string, int>();

    public async Task InitializeAsync()
    {
        cluster = await TestDatabase.StartPrivateClusterAsync();
        await cluster.EnsureDatabaseAsync("outage");
        var connectionString = cluster.ConnectionString("outage");
        app = NegotiationServer.Build([], connectionString, "http://127.0.0.1:0");
        await app.StartAsync();
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var (_, key) = await ApiKeys.CreateAsync(session, "Outage test", ApiRole.Recorder, "tests", DateTimeOffset.UtcNow, CancellationToken.None);
            client = ContractChecking.Client(new Uri(app.Urls.First()), timeout: TimeSpan.FromSeconds(60));
            client.DefaultRequestHeaders.Add(Wire.ApiKeyHeader, key);
        }

        await Talks.OpenAsync(client);

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w, stop.Token))).ToList();

        await UntilAsync(() => Acknowledged() >= 20, "20 statements acknowledged before the outage");
        down = true;
        var stopped = Stopwatch.StartNew();
        await cluster.StopImmediatelyAsync();
        await UntilAsync(() => DuringOutage.Count(a => a.Status == 503) >= OutageAnswersPerWriter * Writers, "the writers see the outage");

        QueryDuringOutage = (int)(await client.GetAsync($"/api/negotiations/{Talks.Id}")).StatusCode;
        var seed = Path.Combine(Path.GetTempPath(), $"outage-{Guid.NewGuid():N}.yaml");
        File.Copy(Paths.Seed("us-iraq-withdrawal.yaml"), seed);
        CliDuringOutage = await NegotiationProgram.RunAsync(["import", seed, "--db", connectionString]);
        File.Delete(seed);

        var acknowledgedBefore = Acknowledged();
        await cluster.StartAgainAsync();
        Downtime = stopped.Elapsed;
        var back = Stopwatch.StartNew();
        down = false;
        restarted.SetResult();
        await UntilAsync(() => Acknowledged() > acknowledgedBefore, "a statement acknowledged after PostgreSQL is back");
        FirstAcknowledgementAfterRestart = back.Elapsed;
        await UntilAsync(() => Acknowledged() >= acknowledgedBefore + AcknowledgementsToSeeAfterRestart, "writes resuming");
        AcknowledgedAfterRestart = Acknowledged() - acknowledgedBefore;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        await RetryFailedCommandsAsync();
        StoredAfterRetries = await StoredAsync();
    }

    /// <summary>
    /// One client recording statements one after another, each with a new id, moving on after a failure as a queue would
    /// (the failures are sent again at the end). Once it has had its share of 503s from the outage it waits for PostgreSQL
    /// to return rather than trying on a timer: the test needs several answers per outage, not a steady stream of them.
    /// </summary>
    private async Task WriteAsync(int writer, CancellationToken cancellationToken)
    {
        var outageAnswers = 0;
        for (var n = 0; !cancellationToken.IsCancellationRequested; n++)
        {
            var attempt = await SendAsync($"w{writer}-{n}");
            Record(attempt);
            if (attempt.DuringOutage && attempt.Status == 503 && ++outageAnswers >= OutageAnswersPerWriter && down)
            {
                await restarted.Task;
            }
        }
    }

    private void Record(Attempt attempt)
    {
        attempts.Enqueue(attempt);
        Interlocked.Exchange(ref answered, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task<Attempt> SendAsync(string statementId)
    {
        var duringOutage = down;
        var clock = Stopwatch.StartNew();
        using var response = await client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement(statementId, $"Statement {statementId}."));
        var elapsed = clock.Elapsed;
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length > 0 && body[0] == '{' ? System.Text.Json.Nodes.JsonNode.Parse(body) : null;
        return new Attempt(
            statementId,
            (int)response.StatusCode,
            json?["appended"]?.GetValue<int>() ?? 0,
            elapsed,
            response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null,
            response.Content.Headers.ContentType?.MediaType,
            json?["code"]?.GetValue<string>(),
            duringOutage || down);
    }

    private async Task RetryFailedCommandsAsync()
    {
        var stored = await StoredAsync();
        var failed = attempts.Where(a => a.Status != 200).Select(a => a.StatementId).Distinct().ToList();
        FailedButStored = failed.Count(stored.ContainsKey);
        foreach (var id in failed)
        {
            var retry = await SendAsync(id);
            retry.Status.ShouldBe(200, $"the retry of {id}");
            Record(retry);
            if (stored.ContainsKey(id))
            {
                RetriesOfStoredFailures.Add(retry.Appended);
            }
            else
            {
                retry.Appended.ShouldBe(1, $"the retry of {id}, which was not stored");
                RetriesAppending++;
            }
        }
    }

    private async Task<Dictionary<string, int>> StoredAsync()
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var statements = await session.Events.QueryRawEventDataOnly<StatementMade>().ToListAsync();
        return statements.Where(s => s.NegotiationId == Talks.Id).GroupBy(s => s.StatementId).ToDictionary(g => g.Key, g => g.Count());
    }

    private int Acknowledged() => attempts.Count(a => a.Status == 200);

    /// <summary>Until the answers recorded so far meet <paramref name="condition"/>, checked again at each new answer.</summary>
    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        // Taken before the check: an answer recorded between the two completes it, so none is missed.
        var next = Volatile.Read(ref answered).Task;
        while (!condition())
        {
            var left = Bound - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{what}: not within {Bound.TotalSeconds} s");
            }

            try
            {
                await next.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{what}: not within {Bound.TotalSeconds} s");
            }

            next = Volatile.Read(ref answered).Task;
        }
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.StopAsync();
        }
    }
}
