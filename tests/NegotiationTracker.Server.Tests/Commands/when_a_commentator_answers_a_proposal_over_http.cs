using System.Net;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Commands;

public sealed class when_a_commentator_answers_a_proposal_over_http(TalksServerFixture server) : IClassFixture<TalksServerFixture>
{
    private const string Id = Talks.Id;

    [Fact]
    public async Task it_is_a_422_naming_the_party_and_its_role_and_nothing_is_appended()
    {
        await server.Client.PostJsonAsync("/api/parties", new RegisterParty("pundit", "A Pundit", PartyKind.Person)).ShouldBeOk();
        await server.Client.PostJsonAsync($"/api/negotiations/{Id}/parties", new JoinNegotiation(Id, "pundit", PartyRole.Commentator, null)).ShouldBeOk();
        await server.Client.PostJsonAsync($"/api/negotiations/{Id}/proposals",
            new TableProposal(Id, "p-pundit", "upstream", "Seven-year filling", [new Term("dam", "fill over seven years")], PartialDate.Parse("2024-02-02"), null)).ShouldBeOk();
        var before = await StoredEvents.CountAsync(server.ConnectionString);

        var response = await server.Client.PostJsonAsync($"/api/negotiations/{Id}/proposals/p-pundit/answers",
            new AnswerProposal(Id, "p-pundit", "pundit", Answer.Reject, null, PartialDate.Parse("2024-02-03"), null));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().ShouldBe($"pundit is a commentator in {Id}: a commentator may not answer proposals");
        (await StoredEvents.CountAsync(server.ConnectionString)).ShouldBe(before);
    }
}
