using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Negotiations;
using NegotiationTracker.Grains.Parties;

namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>
/// A negotiation with fresh ids, set up through the grains, for tests that share one cluster and database.
/// </summary>
public sealed class Scenario(IGrainFactory grains)
{
    public static readonly PartialDate September2024 = PartialDate.Month(2024, 9);

    public Recording Recording { get; } = new("tester", Guid.NewGuid().ToString("N"));

    public string NegotiationId { get; } = Unique("talks");

    public string Issue => "withdrawal";

    public INegotiationGrain Negotiation => grains.GetGrain<INegotiationGrain>(NegotiationId);

    public IPartyGrain Party(string id) => grains.GetGrain<IPartyGrain>(id);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public async Task<Scenario> OpenAsync()
    {
        (await Negotiation.Execute(new OpenNegotiation(NegotiationId, "Talks", PartialDate.Year(2024), [new Issue(Issue, "Withdrawal of troops")]), Recording)).ShouldBeAccepted();
        (await Negotiation.Execute(new RegisterSource(NegotiationId, "article", "An article", "A paper", null, September2024), Recording)).ShouldBeAccepted();
        return this;
    }

    public async Task<string> RegisterAsync(string prefix, bool join = true)
    {
        var id = Unique(prefix);
        (await Party(id).Execute(new RegisterParty(id, $"Party {id}", PartyKind.State), Recording)).ShouldBeAccepted();
        (await Party(id).Execute(new AffiliatePerson(id, "envoy", "An Envoy", "Envoy"), Recording)).ShouldBeAccepted();
        if (join)
        {
            (await Negotiation.Execute(new JoinNegotiation(NegotiationId, id, PartyRole.Principal, September2024), Recording)).ShouldBeAccepted();
        }

        return id;
    }

    public MakeStatement Statement(string partyId, string statementId, string text = "We want the troops to leave.", Stance? stance = Stance.Supports) =>
        new(statementId, NegotiationId, partyId, "envoy", StatementKind.Position, stance, [Issue], text, Attribution.Paraphrase, September2024, "article");
}

public static class CommandResultAssertions
{
    public static void ShouldBeAccepted(this CommandResult result) =>
        result.Rejection.ShouldBeNull(customMessage: result.Rejection?.Message);
}
