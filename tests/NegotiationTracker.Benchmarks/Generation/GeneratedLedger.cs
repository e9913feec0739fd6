using System.Globalization;
using JasperFx.Events.Daemon;
using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.EventStore;

namespace NegotiationTracker.Benchmarks.Generation;

/// <summary>
/// A large ledger for the rebuild, query and replay cases, written straight through Marten: many streams per session,
/// with valid domain events (registrations, openings, joins, statements) in the product's stored names.
/// </summary>
/// <remarks>
/// These events do not go through the grains: a million commands one transaction each would take the whole run, and these
/// cases measure reading, not writing. So they carry no seals (verify would call them unsealed), and the inline views are
/// built by Marten as the sessions are saved, exactly as they would be for the same events appended by the grains.
/// </remarks>
public sealed class GeneratedLedger
{
    public const string Schema = "bench_ledger";
    private const int EventsPerSession = 1_000;
    private const string RecordedBy = "bench-generator";

    private readonly List<GeneratedNegotiation> negotiations = [];

    private GeneratedLedger(DocumentStore store) => Store = store;

    /// <summary>The product's store configuration on the benchmark's schema; its daemon runs only when a case asks for it (Solo).</summary>
    public DocumentStore Store { get; }

    public IReadOnlyList<GeneratedNegotiation> Negotiations => negotiations;

    public static async Task<GeneratedLedger> CreateAsync(BenchDatabase database)
    {
        await database.ResetSchemasAsync(Schema);
        var store = DocumentStore.For(o =>
        {
            NegotiationStore.Configure(o, database.ConnectionString, Schema);
            o.Projections.AsyncMode = DaemonMode.Solo;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new GeneratedLedger(store);
    }

    /// <summary>
    /// Registers <paramref name="parties"/> parties, then opens negotiations of <paramref name="perNegotiation"/> statements
    /// each until <paramref name="statements"/> are made, each with 50 members taken in turn from the parties.
    /// </summary>
    public async Task AddNegotiationsAsync(string prefix, int statements, int perNegotiation, int parties, IProgress<int> progress)
    {
        var pool = Enumerable.Range(1, parties).Select(p => $"{prefix}-party-{p:0000}").ToArray();
        await RegisterAsync(pool);
        var count = (statements + perNegotiation - 1) / perNegotiation;
        var members = Math.Min(BenchmarkOptions.MembersPerNegotiation, parties);
        var made = 0;
        for (var n = 0; n < count; n++)
        {
            var size = Math.Min(perNegotiation, statements - made);
            var joined = Enumerable.Range(0, members).Select(m => pool[(n * members + m) % pool.Length]).ToArray();
            await AddNegotiationAsync($"{prefix}-{n + 1:0000}", joined, size, n, progress);
            made += size;
        }
    }

    public async Task<GeneratedNegotiation> AddNegotiationAsync(string negotiationId, IReadOnlyList<string> parties, int statements, int seed, IProgress<int> progress)
    {
        await RegisterAsync(parties);
        await using (var session = Session())
        {
            session.Events.StartStream(Streams.Negotiation(negotiationId), [
                new NegotiationOpened(negotiationId, $"Generated negotiation {negotiationId}", PartialDate.Year(StatementContent.FirstYear),
                    Enumerable.Range(1, 5).Select(i => new Issue($"issue-{i}", $"Issue {i}")).ToList()),
                new SourceRegistered(negotiationId, "wire", "Wire reports", "Wire", null, null),
                .. parties.Select(p => (object)new PartyJoined(negotiationId, p, PartyRole.Principal, PartialDate.Year(StatementContent.FirstYear))),
            ]);
            await session.SaveChangesAsync();
        }

        var random = new Random(seed);
        var spokenBy = new List<string>(statements);
        var saidIn = new List<short>(statements);
        for (var first = 0; first < statements; first += EventsPerSession)
        {
            await using var session = Session();
            var byParty = new Dictionary<string, List<object>>();
            for (var s = first; s < Math.Min(statements, first + EventsPerSession); s++)
            {
                var party = parties[s % parties.Count];
                var content = StatementContent.Pick(random);
                var made = new StatementMade($"s{s + 1}", negotiationId, party, null, Enum.Parse<StatementKind>(content.Kind, ignoreCase: true), Enum.Parse<Stance>(content.Stance, ignoreCase: true),
                    content.Issues, content.Text, Attribution.Paraphrase, PartialDate.Parse(content.Said), "wire");
                (byParty.TryGetValue(party, out var events) ? events : byParty[party] = []).Add(made);
                spokenBy.Add(party);
                saidIn.Add(short.Parse(content.Said.AsSpan(0, 4), CultureInfo.InvariantCulture));
            }

            foreach (var (party, events) in byParty)
            {
                session.Events.Append(Streams.Party(party), events);
            }

            await session.SaveChangesAsync();
            progress.Report(Math.Min(statements, first + EventsPerSession) - first);
        }

        var negotiation = new GeneratedNegotiation(negotiationId, parties, spokenBy, saidIn);
        negotiations.Add(negotiation);
        return negotiation;
    }

    private readonly HashSet<string> registered = [];

    private async Task RegisterAsync(IEnumerable<string> parties)
    {
        foreach (var chunk in parties.Where(registered.Add).Chunk(EventsPerSession))
        {
            await using var session = Session();
            foreach (var party in chunk)
            {
                session.Events.StartStream(Streams.Party(party), new PartyRegistered(party, $"Party {party}", PartyKind.State));
            }

            await session.SaveChangesAsync();
        }
    }

    private IDocumentSession Session()
    {
        var session = Store.LightweightSession();
        session.LastModifiedBy = RecordedBy;
        session.CorrelationId = Guid.NewGuid().ToString("N");
        return session;
    }

    public async Task<long> EventCountAsync()
    {
        var statistics = await Store.Advanced.FetchEventStoreStatistics();
        return statistics.EventCount;
    }
}

/// <summary>A generated negotiation: its members, and who made each statement in which year (statement s{i+1}: <see cref="SpokenBy"/>[i], <see cref="SaidIn"/>[i]).</summary>
public sealed record GeneratedNegotiation(string Id, IReadOnlyList<string> Parties, IReadOnlyList<string> SpokenBy, IReadOnlyList<short> SaidIn)
{
    public static string StatementId(int index) => $"s{index + 1}";

    public static PartialDate MidPoint => PartialDate.Day(StatementContent.FirstYear + StatementContent.Years / 2 - 1, 12, 31);
}
