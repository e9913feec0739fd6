using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.Infrastructure.EventStore;
using NegotiationTracker.Infrastructure.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;
using Npgsql;

namespace NegotiationTracker.IntegrationTests.Grains;

/// <summary>The group commit: concurrent writers share transactions, and one stream's conflict fails that append alone.</summary>
public sealed class when_many_parties_record_at_once(LedgerFixture ledger) : IClassFixture<LedgerFixture>
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
                var result = await scenario.Party(party).MakeStatement(scenario.Statement(party, $"{party}-s{i}"), scenario.Recording);
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
