using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>A small negotiation recorded through the API: two parties with a person each, one issue, one source.</summary>
public static class Talks
{
    public const string Id = "water-talks";

    public static async Task OpenAsync(HttpClient client, string id = Id)
    {
        await client.PostJsonAsync("/api/parties", new RegisterParty("upstream", "Upstream Republic", PartyKind.Government)).ShouldBeOk();
        await client.PostJsonAsync("/api/parties", new RegisterParty("downstream", "Downstream Kingdom", PartyKind.Government)).ShouldBeOk();
        await client.PostJsonAsync("/api/parties/upstream/people", new AffiliatePerson("upstream", "envoy-a", "Envoy A", "Special envoy")).ShouldBeOk();
        await client.PostJsonAsync("/api/parties/downstream/people", new AffiliatePerson("downstream", "minister-b", "Minister B", null)).ShouldBeOk();
        await client.PostJsonAsync("/api/negotiations", new OpenNegotiation(id, "Water-sharing talks", PartialDate.Parse("2024-01"), [new Issue("dam", "The dam's filling schedule")])).ShouldBeOk();
        await client.PostJsonAsync($"/api/negotiations/{id}/sources", new RegisterSource(id, "wire-1", "Wire report", "Wire", "https://example.org/1", PartialDate.Parse("2024-02-01"))).ShouldBeOk();
        await client.PostJsonAsync($"/api/negotiations/{id}/parties", new JoinNegotiation(id, "upstream", PartyRole.Principal, null)).ShouldBeOk();
        await client.PostJsonAsync($"/api/negotiations/{id}/parties", new JoinNegotiation(id, "downstream", PartyRole.Principal, null)).ShouldBeOk();
    }

    public static MakeStatement Statement(string statementId, string text = "We will fill the dam over seven years.", string id = Id) =>
        new(statementId, id, "upstream", "envoy-a", StatementKind.Position, Stance.Supports, ["dam"], text, Attribution.Quote, PartialDate.Parse("2024-02-01"), "wire-1");
}
