using System.Collections.Concurrent;
using System.Net;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;
using Xunit.Abstractions;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// Contention through the real server: 64 writers at once on one negotiation and one party, a fixed number of commands
/// each. Whatever the server answered, mt_events afterwards holds every acknowledged command's event exactly once, nothing
/// it refused, and each stream's versions run 1..n without a gap. Counts are printed for the README.
/// </summary>
public sealed class when_64_writers_record_at_once(TalksServerFixture server, ITestOutputHelper output) : IClassFixture<TalksServerFixture>
{
    private const int Writers = 64;
    private const string Statements = $"/api/negotiations/{Talks.Id}/statements";

    [Fact]
    public async Task every_acknowledged_statement_is_stored_once_and_none_is_lost()
    {
        const int each = 8;
        var tally = new Tally("64 writers × 8 statements, one party, no If-Match");
        var recorder = await server.ClientWith(ApiRole.Recorder);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var id = $"plain-{w}-{i}";
                tally.Settle(id, await recorder.PostJsonAsync(Statements, Talks.Statement(id, $"Writer {w} says {i}.")));
            }
        })));

        var stored = await StoredEvents.ReadAsync(server.ConnectionString, Streams.Party("upstream"));
        tally.Check(StatementIds(stored, "plain-"), output);
        // Without If-Match the grain, the stream's single writer, decides each on the current state: none is refused.
        tally.Acknowledged.Count.ShouldBe(Writers * each);
        stored.ShouldBeGapFree(Streams.Party("upstream"));
        (await StoredEvents.StreamVersionAsync(server.ConnectionString, Streams.Party("upstream"))).ShouldBe(stored.Max(e => e.Version));
    }

    [Fact]
    public async Task proposals_answers_and_statements_on_three_streams_are_each_stored_once()
    {
        const int each = 3;
        var tally = new Tally("64 writers × 3 rounds of proposal + answer + statement");
        var recorder = await server.ClientWith(ApiRole.Recorder);
        var said = PartialDate.Parse("2024-03-01");

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var proposal = $"mixed-{w}-{i}";
                tally.Settle($"proposal {proposal}", await recorder.PostJsonAsync($"/api/negotiations/{Talks.Id}/proposals",
                    new TableProposal(Talks.Id, proposal, "upstream", $"Proposal {w}.{i}", [new Term("dam", "Fill it slowly.")], said, "wire-1")));
                tally.Settle($"answer {proposal}", await recorder.PostJsonAsync($"/api/negotiations/{Talks.Id}/proposals/{proposal}/answers",
                    new AnswerProposal(Talks.Id, proposal, "downstream", w % 2 == 0 ? Answer.Accept : Answer.Reject, null, said, "wire-1")));
                tally.Settle($"statement {proposal}", await recorder.PostJsonAsync(Statements, Talks.Statement(proposal, $"On proposal {w}.{i}.")));
            }
        })));

        var negotiation = Streams.Negotiation(Talks.Id);
        var stored = await StoredEvents.ReadAsync(server.ConnectionString, negotiation, Streams.Party("downstream"), Streams.Party("upstream"));
        var ids = stored.Where(e => e.Type == "proposal_tabled" && Id(e, "proposalId").StartsWith("mixed-")).Select(e => $"proposal {Id(e, "proposalId")}")
            .Concat(stored.Where(e => e.Type == "proposal_answered" && Id(e, "proposalId").StartsWith("mixed-")).Select(e => $"answer {Id(e, "proposalId")}"))
            .Concat(StatementIds(stored, "mixed-").Select(id => $"statement {id}"))
            .ToList();
        tally.Check(ids, output);
        tally.Acknowledged.Count.ShouldBe(Writers * each * 3);
        foreach (var stream in new[] { negotiation, Streams.Party("downstream"), Streams.Party("upstream") })
        {
            stored.ShouldBeGapFree(stream);
        }
    }

    [Fact]
    public async Task writers_racing_with_if_match_are_told_of_every_conflict_and_only_acknowledged_statements_are_stored()
    {
        const int each = 4;
        const int tries = 3;
        var tally = new Tally($"64 writers × 4 statements with If-Match, {tries} tries each, one party");
        var recorder = await server.ClientWith(ApiRole.Recorder);
        var stream = Streams.Party("downstream");
        var start = await StoredEvents.StreamVersionAsync(server.ConnectionString, stream);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            // Each writer believes the stream is where it last saw it, as a client holding a read would: they race for every version.
            var seen = start;
            for (var i = 0; i < each; i++)
            {
                var id = $"racing-{w}-{i}";
                var command = new MakeStatement(id, Talks.Id, "downstream", "minister-b", StatementKind.Position, Stance.Opposes, ["dam"], $"Writer {w} objects ({i}).",
                    Attribution.Quote, PartialDate.Parse("2024-02-01"), "wire-1");
                HttpResponseMessage response;
                var attempt = 0;
                while (true)
                {
                    response = await recorder.PostJsonAsync(Statements, command, ("If-Match", $"\"{seen}\""));
                    if (response.StatusCode != HttpStatusCode.Conflict || ++attempt == tries)
                    {
                        break;
                    }

                    // The 409 says where the stream is now: read again and retry, as the README tells a client to.
                    tally.Conflict();
                    seen = (await response.JsonAsync())["currentVersion"]!.GetValue<long>();
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    var problem = await response.JsonAsync();
                    problem["stream"]!.GetValue<string>().ShouldBe(stream);
                    seen = problem["currentVersion"]!.GetValue<long>();
                }
                else if (response.IsSuccessStatusCode)
                {
                    seen = (await response.JsonAsync())["version"]!.GetValue<long>();
                }

                tally.Settle(id, response);
            }
        })));

        var stored = await StoredEvents.ReadAsync(server.ConnectionString, stream);
        tally.Check(StatementIds(stored, "racing-"), output);
        tally.Attempted.ShouldBe(Writers * each);
        // Sixty-four writers for every version: if no conflict happened, the test did not test If-Match at all.
        tally.Conflicts.ShouldBeGreaterThan(0);
        tally.Rejected.Count.ShouldBeGreaterThan(0);
        stored.ShouldBeGapFree(stream);
    }

    private static IEnumerable<string> StatementIds(IEnumerable<StoredEvent> stored, string prefix) =>
        stored.Where(e => e.Type == "statement_made").Select(e => Id(e, "statementId")).Where(id => id.StartsWith(prefix, StringComparison.Ordinal));

    private static string Id(StoredEvent e, string field) => e.Data[field]!.GetValue<string>();

    /// <summary>What the writers were told: each command acknowledged (200, one event appended) or refused with a 409 problem.</summary>
    private sealed class Tally(string scenario)
    {
        private int conflicts;

        public ConcurrentBag<string> Acknowledged { get; } = [];

        public ConcurrentBag<string> Rejected { get; } = [];

        public int Conflicts => conflicts;

        public int Attempted => Acknowledged.Count + Rejected.Count;

        public void Conflict() => Interlocked.Increment(ref conflicts);

        public void Settle(string id, HttpResponseMessage response)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // Every command here is new: an acknowledgement that appended nothing would be a lost command.
                body.ShouldContain("\"appended\":1", customMessage: id);
                Acknowledged.Add(id);
                return;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"{id}: {body}");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            Rejected.Add(id);
        }

        /// <summary>Compares what the writers were told with what the store holds, and prints the figures.</summary>
        public void Check(IEnumerable<string> storedIds, ITestOutputHelper output)
        {
            var stored = storedIds.ToList();
            var duplicated = stored.GroupBy(id => id).Sum(g => g.Count() - 1);
            var lost = Acknowledged.Except(stored).Count();
            var storedButRefused = stored.Intersect(Rejected).Count();
            var storedUnacknowledged = stored.Distinct().Except(Acknowledged).Count();
            output.WriteLine($"{scenario}: attempted {Attempted}, acknowledged {Acknowledged.Count}, rejected (409) {Rejected.Count}, "
                + $"stored {stored.Count}, duplicated {duplicated}, lost {lost}, stored although refused {storedButRefused}, If-Match conflicts retried {Conflicts}");

            duplicated.ShouldBe(0, "duplicated");
            lost.ShouldBe(0, "acknowledged but not stored");
            storedButRefused.ShouldBe(0, "refused but stored");
            storedUnacknowledged.ShouldBe(0, "stored but never acknowledged");
            stored.Count.ShouldBe(Acknowledged.Count);
        }
    }
}
