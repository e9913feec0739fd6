using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Negotiations;
using NegotiationTracker.Grains.Parties;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace NegotiationTracker.Benchmarks.Cases;

/// <summary>One way of recording a statement, durably, one statement per call; the recording case runs several side by side.</summary>
public interface IStatementRecorder
{
    string Variant { get; }

    string Label { get; }

    /// <summary>Before a round, outside the clock: whatever the variant needs for <paramref name="parties"/> writers to record in round <paramref name="round"/>.</summary>
    Task PrepareAsync(int parties, string round);

    /// <summary>Records statement <paramref name="n"/> of writer <paramref name="writer"/>; returns once it is committed, throws when it was not.</summary>
    Task RecordAsync(int writer, int n);

    /// <summary>After a round, outside the clock.</summary>
    Task AfterRoundAsync();
}

/// <summary>A writer grain refused the command: counted as a failure with its reason.</summary>
public sealed class CommandRefused(string message) : Exception(message);

/// <summary>The statement every variant records, so all of them carry the same event with the same JSON.</summary>
public static class RecordedStatement
{
    public const string IssueId = "withdrawal";

    public static readonly PartialDate Said = PartialDate.Day(2024, 9, 27);

    private const string Text = "Foreign forces leave by September 2026.";

    /// <summary>As the product stores it: camelCase, vocabulary words in lower case.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static MakeStatement Command(string negotiationId, string partyId, string statementId) =>
        new(statementId, negotiationId, partyId, null, StatementKind.Position, Stance.Supports, [IssueId], Text, Attribution.Paraphrase, Said, null);

    public static StatementMade Event(string negotiationId, string partyId, string statementId) =>
        new(statementId, negotiationId, partyId, null, StatementKind.Position, Stance.Supports, [IssueId], Text, Attribution.Paraphrase, Said, null);

    public static string StatementId(int writer, int n) => $"w{writer}-s{n}";
}

/// <summary>(a) Raw Npgsql: one INSERT of the event's JSON per transaction (autocommit), a connection per writer from a pool.</summary>
public sealed class RawInsertRecorder(NpgsqlDataSource dataSource, string schema) : IStatementRecorder
{
    private string round = "";

    public string Variant => "a";

    public string Label => "(a) raw Npgsql INSERT";

    public static string CreateTable(string schema) =>
        $"create table {schema}.statements (seq_id bigserial primary key, stream text not null, data jsonb not null, recorded_at timestamptz not null default now())";

    public Task PrepareAsync(int parties, string round)
    {
        this.round = round;
        return Task.CompletedTask;
    }

    public async Task RecordAsync(int writer, int n)
    {
        var json = JsonSerializer.Serialize(RecordedStatement.Event(round, $"p{writer}", RecordedStatement.StatementId(writer, n)), RecordedStatement.Json);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand($"insert into {schema}.statements (stream, data) values ($1, $2)", connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = $"party/p{writer}" },
                new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb },
            },
        };
        await insert.ExecuteNonQueryAsync();
    }

    // Idle connections count against max_connections: the next variant must not find them taken.
    public Task AfterRoundAsync()
    {
        dataSource.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>(b) Plain Marten (its defaults, a schema of its own, no projections): one Append and SaveChangesAsync per event.</summary>
public sealed class PlainMartenRecorder : IStatementRecorder, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly DocumentStore store;
    private string round = "";

    public PlainMartenRecorder(NpgsqlDataSource dataSource, string schema)
    {
        this.dataSource = dataSource;
        store = DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.DatabaseSchemaName = schema;
            o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            o.Events.StreamIdentity = StreamIdentity.AsString;
            // Only so the stored JSON is the same as the other variants' (vocabulary words, camelCase).
            o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            o.Events.MapEventType<StatementMade>("statement_made");
        });
    }

    public string Variant => "b";

    public string Label => "(b) plain Marten";

    public async Task StartAsync() => await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    public Task PrepareAsync(int parties, string round)
    {
        this.round = round;
        return Task.CompletedTask;
    }

    public async Task RecordAsync(int writer, int n)
    {
        await using var session = store.LightweightSession();
        session.Events.Append($"party/{round}-p{writer}", RecordedStatement.Event(round, $"p{writer}", RecordedStatement.StatementId(writer, n)));
        await session.SaveChangesAsync();
    }

    public Task AfterRoundAsync()
    {
        dataSource.Clear();
        return Task.CompletedTask;
    }

    public void Dispose() => store.Dispose();
}

/// <summary>
/// (c) The product's path: one party grain per writer, <see cref="IPartyGrain.Execute"/> of a <c>MakeStatement</c> per statement (validation
/// against the negotiation grain's state, the decider, a sealed append with its expected version, the inline projections).
/// Each round records in a negotiation of its own, opened and joined through the grains before the clock starts, so every
/// round starts from the same state.
/// </summary>
public sealed class PartyGrainRecorder(IGrainFactory grains) : IStatementRecorder
{
    private static readonly Recording Setup = Recording.By("bench-setup");
    private readonly HashSet<string> registered = [];
    private string negotiationId = "";
    private string[] parties = [];

    /// <summary>Every negotiation a round recorded in, warm-up rounds included.</summary>
    public List<string> Negotiations { get; } = [];

    public string Variant => "c";

    public string Label => "(c) party grains (product)";

    public async Task PrepareAsync(int parties, string round)
    {
        this.parties = Enumerable.Range(0, parties).Select(i => $"speaker-{i + 1:000}").ToArray();
        await Task.WhenAll(this.parties.Where(registered.Add).Select(p =>
            Accept(grains.GetGrain<IPartyGrain>(p).Execute(new RegisterParty(p, $"Speaker {p[8..]}", PartyKind.State), Setup))));

        negotiationId = $"recording-{parties}-{round}";
        Negotiations.Add(negotiationId);
        var negotiation = grains.GetGrain<INegotiationGrain>(negotiationId);
        await Accept(negotiation.Execute(new OpenNegotiation(negotiationId, $"Recording at {parties} parties, {round}", PartialDate.Year(2024), [new Issue(RecordedStatement.IssueId, "Withdrawal timeline")]), Setup));
        await Task.WhenAll(this.parties.Select(p => Accept(negotiation.Execute(new JoinNegotiation(negotiationId, p, PartyRole.Principal, null), Setup))));
    }

    public async Task RecordAsync(int writer, int n)
    {
        var party = parties[writer];
        var result = await grains.GetGrain<IPartyGrain>(party)
            .Execute(RecordedStatement.Command(negotiationId, party, RecordedStatement.StatementId(writer, n)), Recording.By("bench"));
        if (result.Rejection is { } rejection)
        {
            throw new CommandRefused($"{rejection.Code}: {rejection.Message}");
        }
    }

    public Task AfterRoundAsync() => Task.CompletedTask;

    private static async Task Accept(Task<CommandResult> command)
    {
        var result = await command;
        if (result.Rejection is { } rejection)
        {
            throw new InvalidOperationException($"setting up the recording round failed: {rejection.Message}");
        }
    }
}
