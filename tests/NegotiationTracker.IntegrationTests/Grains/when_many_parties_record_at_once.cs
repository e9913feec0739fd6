using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.Hosting.EventStore;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;
using Npgsql;
using Xunit.Abstractions;

namespace NegotiationTracker.IntegrationTests.Grains;

/// <summary>
/// The group commit and the grains as single writers: concurrent writers share transactions, one stream's conflict fails
/// that append alone, and 64 writers on the same streams lose and duplicate nothing.
/// </summary>
public sealed class when_many_parties_record_at_once(LedgerFixture ledger, ITestOutputHelper output) : IClassFixture<LedgerFixture>
{
    private GroupCommit Commits => ledger.Cluster.Silos[0].ServiceProvider.GetRequiredService<GroupCommit>();

    [Fact]
    public async Task every_acknowledged_statement_is_stored_once_in_order_and_appends_share_transactions()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var parties = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => scenario.RegisterAsync($"p{i}")));
        const int perParty = 5;

        var results = await Task.WhenAll(parties.Select(async party =>
        {
            var acknowledged = new List<string>();
            for (var i = 0; i < perParty; i++)
            {
                var result = await scenario.Party(party).Execute(scenario.Statement(party, $"{party}-s{i}"), scenario.Recording);
                result.ShouldBeAccepted();
                acknowledged.Add($"{party}-s{i}");
            }

            return (party, acknowledged);
        }));

        await using var session = ledger.Store.QuerySession();
        foreach (var (party, acknowledged) in results)
        {
            var stream = await session.Events.FetchStreamAsync(Streams.Party(party));
            stream.Select(e => e.Version).ShouldBe(Enumerable.Range(1, stream.Count).Select(v => (long)v), $"{party}: versions gap-free and ordered");
            stream.Select(e => e.Data).OfType<StatementMade>().Select(s => s.StatementId).ShouldBe(acknowledged, $"{party}: each acknowledged statement once, in order");
        }

        // PostgreSQL's xmin names the transaction that wrote each row: fewer transactions than appends means they were grouped.
        var transactions = await TransactionsWritingStatementsAsync(parties.Select(Streams.Party).ToArray());
        transactions.ShouldBeLessThan(parties.Length * perParty);
    }

    [Fact]
    public async Task sixty_four_writers_on_one_party_and_one_negotiation_lose_and_duplicate_nothing()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var speaker = await scenario.RegisterAsync("crowded");
        var answerer = await scenario.RegisterAsync("answering");
        const int writers = 64;
        const int each = 5;

        // 64 writers at once, each recording a statement, a proposal and an answer in turn on the same three streams: each
        // grain is the one writer of its stream and takes them one at a time.
        var rounds = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var recorded = new List<(string id, CommandResult statement, CommandResult proposal, CommandResult answer)>();
            for (var i = 0; i < each; i++)
            {
                var id = $"w{w}-{i}";
                var statement = await scenario.Party(speaker).Execute(scenario.Statement(speaker, id), scenario.Recording);
                var proposal = await scenario.Negotiation.Execute(new TableProposal(scenario.NegotiationId, id, speaker, $"Proposal {id}",
                    [new Term(scenario.Issue, "Leave within a year.")], Scenario.September2024, "article"), scenario.Recording);
                var answer = await scenario.Party(answerer).Execute(
                    new AnswerProposal(scenario.NegotiationId, id, answerer, Answer.Reject, null, Scenario.September2024, null), scenario.Recording);
                recorded.Add((id, statement, proposal, answer));
            }

            return recorded;
        }));
        var results = rounds.SelectMany(r => r).ToList();

        results.ShouldAllBe(r => r.statement.Appended == 1 && r.proposal.Appended == 1 && r.answer.Appended == 1);
        await using var session = ledger.Store.QuerySession();
        var ids = results.Select(r => r.id).Order().ToList();
        var statements = await session.Events.FetchStreamAsync(Streams.Party(speaker));
        var negotiation = await session.Events.FetchStreamAsync(Streams.Negotiation(scenario.NegotiationId));
        var answers = await session.Events.FetchStreamAsync(Streams.Party(answerer));
        foreach (var stream in new[] { statements, negotiation, answers })
        {
            stream.Select(e => e.Version).ShouldBe(Enumerable.Range(1, stream.Count).Select(v => (long)v), "versions gap-free and ordered");
        }

        var stored = statements.Count(e => e.Data is StatementMade) + negotiation.Count(e => e.Data is ProposalTabled) + answers.Count(e => e.Data is ProposalAnswered);
        output.WriteLine($"grains: {writers} writers × {each} rounds of statement + proposal + answer: attempted {results.Count * 3}, "
            + $"acknowledged {results.Sum(r => r.statement.Appended + r.proposal.Appended + r.answer.Appended)}, stored {stored}");
        statements.Select(e => e.Data).OfType<StatementMade>().Select(s => s.StatementId).Order().ToList().ShouldBe(ids, "each statement once");
        negotiation.Select(e => e.Data).OfType<ProposalTabled>().Select(p => p.ProposalId).Order().ToList().ShouldBe(ids, "each proposal once");
        answers.Select(e => e.Data).OfType<ProposalAnswered>().Select(a => a.ProposalId).Order().ToList().ShouldBe(ids, "each answer once");
    }

    [Fact]
    public async Task of_64_writers_expecting_the_same_version_one_appends_and_63_are_told_of_the_conflict()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var party = await scenario.RegisterAsync("racing");
        await using var before = ledger.Store.QuerySession();
        var version = (await before.Events.FetchStreamStateAsync(Streams.Party(party)))!.Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(w =>
            scenario.Party(party).Execute(scenario.Statement(party, $"race-{w}"), scenario.Recording with { ExpectedVersion = version })));

        output.WriteLine($"grains: 64 writers expecting version {version}: acknowledged {results.Count(r => r.Accepted)}, told of a conflict {results.Count(r => r.Rejection?.Code == "conflict")}");
        results.Count(r => r.Accepted).ShouldBe(1);
        results.Where(r => !r.Accepted).ShouldAllBe(r => r.Rejection!.Code == "conflict" && r.Version == version + 1);
        await using var session = ledger.Store.QuerySession();
        var stored = (await session.Events.FetchStreamAsync(Streams.Party(party))).Select(e => e.Data).OfType<StatementMade>().ToList();
        stored.ShouldHaveSingleItem().StatementId.ShouldBe($"race-{Array.FindIndex(results, r => r.Accepted)}");
    }

    [Fact]
    public async Task a_conflicting_append_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var taken = Scenario.Unique("party");
        (await Commits.AppendAsync(Registration(taken, 0))).ShouldBeOfType<AppendOutcome.Committed>();

        // Queued together, so they are committed together: twenty new streams, and one that claims to start a stream that exists.
        var fresh = Enumerable.Range(0, 20).Select(_ => Scenario.Unique("party")).ToList();
        var outcomes = await Task.WhenAll(fresh.Select(id => Commits.AppendAsync(Registration(id, 0))).Append(Commits.AppendAsync(Registration(taken, 0))).ToList());

        outcomes[^1].ShouldBeOfType<AppendOutcome.VersionConflict>();
        outcomes.Take(20).ShouldAllBe(o => o is AppendOutcome.Committed);
        await using var session = ledger.Store.QuerySession();
        foreach (var id in fresh)
        {
            (await session.Events.FetchStreamAsync(Streams.Party(id))).Count.ShouldBe(1);
        }

        (await session.Events.FetchStreamAsync(Streams.Party(taken))).Count.ShouldBe(1);
    }

    private static PendingAppend Registration(string partyId, long versionBefore) =>
        new(Streams.Party(partyId), versionBefore, [new PartyRegistered(partyId, "A party", PartyKind.Faction)], new Recording("tester", Guid.NewGuid().ToString("N")),
            EventSeal.Genesis, DateTimeOffset.UtcNow);

    private async Task<long> TransactionsWritingStatementsAsync(string[] streams)
    {
        await using var connection = new NpgsqlConnection(ledger.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(distinct xmin::text) from {NegotiationStore.DefaultSchema}.mt_events where stream_id = any(@streams) and type = @type", connection);
        command.Parameters.AddWithValue("streams", streams);
        command.Parameters.AddWithValue("type", "statement_made");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
