using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Commands;

/// <summary>Every command endpoint's happy path, in the order a negotiation unfolds, each checked against what the ledger then shows.</summary>
public sealed class when_a_negotiation_is_recorded_over_http(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Id = Talks.Id;

    [Fact]
    public async Task every_command_appends_its_event_recorded_by_the_keys_holder()
    {
        var analyst = await server.ClientWith(ApiRole.Recorder, "Analyst A");
        await Talks.OpenAsync(analyst);

        await Accepted(analyst, $"/api/negotiations/{Id}/issues", new AddIssue(Id, "flow", "Minimum flow downstream"));
        await Accepted(analyst, $"/api/negotiations/{Id}/sources/wire-1/grades", new GradeSource(Id, "wire-1", 'B', "usually reliable wire"));
        await Accepted(analyst, $"/api/negotiations/{Id}/status-changes", new ChangeStatus(Id, NegotiationStatus.Active, "talks began", PartialDate.Parse("2024-01-15")));
        await Accepted(analyst, $"/api/negotiations/{Id}/statements", Talks.Statement("s1"));
        await Accepted(analyst, $"/api/negotiations/{Id}/statements", Talks.Statement("s2", "We never said seven years."));
        await Accepted(analyst, $"/api/negotiations/{Id}/proposals",
            new TableProposal(Id, "p1", "upstream", "Seven-year filling", [new Term("dam", "fill over seven years")], PartialDate.Parse("2024-02-02"), "wire-1"));
        await Accepted(analyst, $"/api/negotiations/{Id}/proposals",
            new TableProposal(Id, "p2", "downstream", "Ten-year filling", [new Term("dam", "fill over ten years")], PartialDate.Parse("2024-02-03"), null));
        await Accepted(analyst, $"/api/negotiations/{Id}/proposals/p1/answers",
            new AnswerProposal(Id, "p1", "downstream", Answer.Counter, "p2", PartialDate.Parse("2024-02-03"), null));
        await Accepted(analyst, $"/api/negotiations/{Id}/proposals/p1/withdrawal", new WithdrawProposal(Id, "p1", "upstream", "superseded", PartialDate.Parse("2024-02-04")));
        await Accepted(analyst, $"/api/negotiations/{Id}/proposals/p2/answers",
            new AnswerProposal(Id, "p2", "upstream", Answer.Accept, null, PartialDate.Parse("2024-02-05"), null));
        await Accepted(analyst, $"/api/negotiations/{Id}/agreements",
            new ReachAgreement(Id, "a1", "p2", "Filling accord", [new Term("dam", "fill over ten years")], ["upstream", "downstream"], PartialDate.Parse("2024-02-06"), "wire-1"));
        await Accepted(analyst, $"/api/negotiations/{Id}/agreements/a1/signatures", new SignAgreement(Id, "a1", "upstream", "envoy-a", PartialDate.Parse("2024-02-07")));

        // Corrections: the party is found from the statement id, so the body may leave it out (null).
        var s2 = $"/api/negotiations/{Id}/statements/s2";
        await Accepted(analyst, $"{s2}/clarifications", new ClarifyStatement(Id, "s2", null!, "meant: not in public", null));
        await Accepted(analyst, $"{s2}/reports", new ReportStatement(Id, "s2", null!, "wire-1", Attribution.Reported, "Envoy denies seven years", null, null));
        await Accepted(analyst, $"{s2}/report-corrections", new CorrectReport(Id, "s2", null!, "wire-1", "the envoy spoke of seven phases", null));
        await Accepted(analyst, $"{s2}/amendments", new AmendRecord(Id, "s2", null!, "kind", "position", "denial", "it is a denial"));
        await Accepted(analyst, $"{s2}/grades", new GradeStatement(Id, "s2", null!, 3, "single source"));
        await Accepted(analyst, $"{s2}/duplicate-links", new LinkDuplicate(Id, "s2", null!, "s1", "same remarks"));
        await Accepted(analyst, $"{s2}/duplicate-unlinks", new UnlinkDuplicate(Id, "s2", null!, "s1", "different remarks after all"));
        await Accepted(analyst, $"{s2}/denials", new DenyStatement(Id, "s2", null!, "the ministry denies it", null));
        await Accepted(analyst, $"{s2}/retractions", new RetractStatement(Id, "s2", null!, "taken back", null));
        await Accepted(analyst, $"/api/negotiations/{Id}/statements/s1/voiding", new VoidRecord(Id, "s1", null!, "entered in error"));

        var state = await (await server.Client.GetAsync($"/api/negotiations/{Id}").ShouldBeOk()).JsonAsync();
        state["status"]!.GetValue<string>().ShouldBe("active");
        state["issues"]!.AsArray().Count.ShouldBe(2);
        state["agreements"]!.AsArray().Single()!["signatories"]!.AsArray().Count.ShouldBe(1);

        var withRetracted = await (await server.Client.GetAsync($"/api/negotiations/{Id}/statements?includeRetracted=true").ShouldBeOk()).JsonAsync();
        withRetracted.AsArray().Count.ShouldBe(2);
        var standing = await (await server.Client.GetAsync($"/api/negotiations/{Id}/statements").ShouldBeOk()).JsonAsync();
        standing.AsArray().ShouldBeEmpty(); // s1 void, s2 retracted

        await using var session = server.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var upstream = await session.Events.FetchStreamAsync("party/upstream");
        upstream.Where(e => e.Data is StatementRetracted).ShouldHaveSingleItem().UserName.ShouldBe("key:Analyst A");
        var negotiation = await session.Events.FetchStreamAsync($"negotiation/{Id}");
        negotiation.ShouldAllBe(e => e.UserName == "key:Analyst A");
    }

    [Fact]
    public async Task a_command_names_the_stream_and_version_it_wrote()
    {
        await server.Client.PostJsonAsync("/api/parties", new RegisterParty("lone-party", "Lone Party", PartyKind.Faction)).ShouldBeOk();
        var response = await server.Client.PostJsonAsync("/api/parties/lone-party/people", new AffiliatePerson("lone-party", "spokesperson", "A Spokesperson", null));
        var body = await (await Task.FromResult(response)).JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["stream"]!.GetValue<string>().ShouldBe("party/lone-party");
        body["appended"]!.GetValue<int>().ShouldBe(1);
        body["version"]!.GetValue<long>().ShouldBe(2);
    }

    private static async Task Accepted(HttpClient client, string path, object command)
    {
        var response = await client.PostJsonAsync(path, command);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {text}");
        (await response.JsonAsync())["appended"]!.GetValue<int>().ShouldBe(1, $"{path}: {text}");
    }
}
