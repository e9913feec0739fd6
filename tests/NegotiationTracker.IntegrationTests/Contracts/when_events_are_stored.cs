using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.EventStore;

namespace NegotiationTracker.IntegrationTests.Contracts;

/// <summary>
/// Stored event names and JSON shapes are a contract with every database already written: a change here breaks old
/// ledgers and the seals of their events. These snapshots fail on any rename or reshaping; evolve events only by adding.
/// </summary>
public sealed class when_events_are_stored
{
    // Configuring a store opens no connection: names and serialisation are settled in memory.
    private static readonly DocumentStore Store = DocumentStore.For(options =>
    {
        NegotiationStore.Configure(options, "Host=127.0.0.1;Database=unused");
        options.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Solo;
    });

    public static TheoryData<object, string, string> Events => new()
    {
        {
            new NegotiationOpened("talks", "Talks", PartialDate.Month(2024, 9), [new Issue("withdrawal", "Withdrawal")]),
            "negotiation_opened",
            """{"negotiationId":"talks","title":"Talks","opened":"2024-09","issues":[{"issueId":"withdrawal","title":"Withdrawal"}]}"""
        },
        {
            new PartyJoined("talks", "iraq", PartyRole.Principal, PartialDate.Year(2024)),
            "party_joined",
            """{"negotiationId":"talks","partyId":"iraq","role":"principal","said":"2024"}"""
        },
        {
            new StatementMade("s1", "talks", "iraq", "al-sudani", StatementKind.Position, Stance.Opposes, ["withdrawal"], "No.", Attribution.Paraphrase, PartialDate.Day(2024, 9, 3), "article"),
            "statement_made",
            """{"statementId":"s1","negotiationId":"talks","partyId":"iraq","speakerId":"al-sudani","kind":"position","stance":"opposes","issueIds":["withdrawal"],"text":"No.","attribution":"paraphrase","said":"2024-09-03","sourceId":"article"}"""
        },
        {
            new ProposalAnswered("talks", "p1", "iraq", Answer.Counter, "p2", null, null),
            "proposal_answered",
            """{"negotiationId":"talks","proposalId":"p1","partyId":"iraq","answer":"counter","counterProposalId":"p2","said":null,"sourceId":null}"""
        },
        {
            new RecordAmended("talks", "s1", "iraq", "kind", "demand", "claim", "Coding error."),
            "record_amended",
            """{"negotiationId":"talks","statementId":"s1","partyId":"iraq","field":"kind","oldValue":"demand","newValue":"claim","reason":"Coding error."}"""
        },
        {
            new SourceGraded("talks", "article", 'B', "Usually reliable."),
            "source_graded",
            """{"negotiationId":"talks","sourceId":"article","reliability":"B","reason":"Usually reliable."}"""
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void each_keeps_its_stored_name_and_json_shape(object @event, string name, string json)
    {
        Store.Events.EventMappingFor(@event.GetType()).EventTypeName.ShouldBe(name);
        Store.Serializer.ToJson(@event).ShouldBe(json);
    }

    [Fact]
    public void every_event_type_of_the_domain_has_a_pinned_name()
    {
        var domainEvents = typeof(StatementMade).Assembly.GetTypes()
            .Where(t => t.Name is not "Issue" and not "Term" && t.IsSealed && !t.IsAbstract && t.Namespace is { } ns
                && (t.Name.EndsWith("ed", StringComparison.Ordinal) || t.Name.EndsWith("Made", StringComparison.Ordinal))
                && (ns.EndsWith(".Negotiations", StringComparison.Ordinal) || ns.EndsWith(".Parties", StringComparison.Ordinal)))
            .ToList();

        domainEvents.Count.ShouldBeGreaterThan(20);
        foreach (var type in domainEvents)
        {
            var name = Store.Events.EventMappingFor(type).EventTypeName;
            name.ShouldNotContain(".", customMessage: $"{type.Name} has no pinned stored name");
            name.ShouldBe(string.Concat(type.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())), customMessage: type.Name);
        }
    }
}
