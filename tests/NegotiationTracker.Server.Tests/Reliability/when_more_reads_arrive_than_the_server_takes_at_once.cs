using NegotiationTracker.Server.Tests.Fixtures;
using Npgsql;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// A server that works on one brief at a time with one more waiting gets a burst of HTML reports and web briefs while
/// the API keys' table is locked, so the brief it took cannot finish (checking its key waits for the lock) and the one
/// waiting cannot start: every other request of the burst must be refused, whatever the timing, and answered at once.
/// </summary>
public sealed class when_more_reads_arrive_than_the_server_takes_at_once(BusyServerFixture busy) : IClassFixture<BusyServerFixture>
{
    [Fact]
    public void every_refusal_is_a_503_problem_with_retry_after()
    {
        busy.Refused.ShouldAllBe(r => r.Status == 503 && r.ContentType == "application/problem+json" && r.RetryAfter == RequestLimits.RetryAfterSeconds
            && r.Code == RequestLimits.Code && r.Body.Contains("send the request again"));
    }

    [Fact]
    public void the_reads_it_took_are_answered_in_full_once_they_can_go_on()
    {
        busy.TakenAnswers.Count.ShouldBe(BusyServerFixture.TakenAtOnce);
        busy.TakenAnswers.ShouldAllBe(r => r.Status == 200 && r.ContentType == "text/html" && r.Body.Contains("Water-sharing talks"));
    }

    [Fact]
    public void the_server_answers_every_kind_of_request_afterwards()
    {
        busy.Afterwards.ShouldAllBe(r => r.Status == 200, string.Join(", ", busy.Afterwards.Select(r => $"{r.Status} {r.Body}")));
    }
}

public sealed record Reply(int Status, string? ContentType, int? RetryAfter, string? Code, string Body)
{
    public static async Task<Reply> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? System.Text.Json.Nodes.JsonNode.Parse(body)?["code"]?.GetValue<string>()
            : null;
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null, code, body);
    }
}

public sealed class BusyServerFixture : ServerFixture
{
    public const int Burst = 40;

    /// <summary>One at work and one waiting, as <see cref="Settings"/> sizes the briefs.</summary>
    public const int TakenAtOnce = 2;

    /// <summary>Limits small enough that a burst in a test is well over them.</summary>
    protected override ServerSettings Settings => new(Limits: new RequestLimits(Briefs: 1, Reads: 1, Writes: 1, QueuePerPermit: 1));

    public IReadOnlyList<Reply> Refused { get; private set; } = [];

    public IReadOnlyList<Reply> TakenAnswers { get; private set; } = [];

    public IReadOnlyList<Reply> Afterwards { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Talks.OpenAsync(Client);
        await Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("before-the-burst")).ShouldBeOk();

        await using var locker = new NpgsqlConnection(ConnectionString);
        await locker.OpenAsync();
        var keys = await ApiKeysTableAsync(locker);
        await using var transaction = await locker.BeginTransactionAsync();
        // ACCESS EXCLUSIVE blocks reads too: a request that got its turn waits at its key check, holding the turn.
        await using (var lockKeys = new NpgsqlCommand($"lock table {keys} in access exclusive mode", locker, transaction))
        {
            await lockKeys.ExecuteNonQueryAsync();
        }

        var pending = Enumerable.Range(0, Burst).Select(i => Reply.ReadAsync(Client.SendAsync(Html(i % 2 == 0
            ? $"/api/negotiations/{Talks.Id}/report"
            : $"/negotiations/{Talks.Id}")))).ToList();
        var refused = new List<Reply>();
        // Only the requests the server did not take can finish while the lock is held; the guard turns a limit that let
        // more through (they would wait for the lock) into a failure rather than a hang.
        while (refused.Count < Burst - TakenAtOnce)
        {
            var finished = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromMinutes(1));
            pending.Remove(finished);
            refused.Add(await finished);
        }

        Refused = refused;
        await transaction.CommitAsync();
        TakenAnswers = await Task.WhenAll(pending);

        Afterwards = await Task.WhenAll(
            Reply.ReadAsync(Client.SendAsync(Html($"/api/negotiations/{Talks.Id}/report"))),
            Reply.ReadAsync(Client.GetAsync($"/api/negotiations/{Talks.Id}")),
            Reply.ReadAsync(Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("after-the-burst"))));
    }

    internal static HttpRequestMessage Html(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        // HTML only, not even */*: a refusal must not depend on the client taking JSON.
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        return request;
    }

    internal static async Task<string> ApiKeysTableAsync(NpgsqlConnection connection)
    {
        await using var find = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables where table_name = 'mt_doc_apikey'", connection);
        return (string?)await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("no API keys table");
    }
}
