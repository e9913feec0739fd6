using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Positions;

namespace NegotiationTracker.IntegrationTests.Projections;

public sealed class when_a_stance_is_taken_on_two_issues(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task each_issue_has_its_own_position_history_naming_that_issue()
    {
        var talks = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await talks.RegisterAsync("iraq");
        await ScriptedNegotiationFixture.Accept(talks.Negotiation.Execute(new AddIssue(talks.NegotiationId, "borders", "Borders"), talks.Recording));
        await ScriptedNegotiationFixture.Accept(talks.Party(iraq).Execute(talks.Statement(iraq, "both", stance: Stance.Opposes) with { IssueIds = [talks.Issue, "borders"] }, talks.Recording));
        await ledger.CatchUpAsync();

        await using var session = ledger.Store.QuerySession();
        var histories = (await PositionHistories.ForNegotiationAsync(session, talks.NegotiationId)).ShouldNotBeNull();
        histories.Select(h => (h.Id, h.IssueId)).ShouldBe(
        [
            (PositionHistory.Key(talks.NegotiationId, iraq, "borders"), "borders"),
            (PositionHistory.Key(talks.NegotiationId, iraq, talks.Issue), talks.Issue),
        ]);
        histories.ShouldAllBe(h => h.Current!.Stance == Stance.Opposes && h.Evidence.Single().StatementId == "both");
    }
}
