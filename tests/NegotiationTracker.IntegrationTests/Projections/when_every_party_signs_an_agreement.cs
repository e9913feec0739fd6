using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Agreements;

namespace NegotiationTracker.IntegrationTests.Projections;

public sealed class when_every_party_signs_an_agreement(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task the_register_shows_it_signed_with_each_signature_date()
    {
        var talks = await new Scenario(ledger.Grains).OpenAsync();
        var us = await talks.RegisterAsync("us");
        var iraq = await talks.RegisterAsync("iraq");
        var r = talks.Recording;
        await ScriptedNegotiationFixture.Accept(talks.Negotiation.Execute(new ReachAgreement(talks.NegotiationId, "a1", null, "Accord",
            [new Term(talks.Issue, "Troops leave.")], [us, iraq], PartialDate.Day(2024, 10, 10), null), r));
        await ScriptedNegotiationFixture.Accept(talks.Negotiation.Execute(new SignAgreement(talks.NegotiationId, "a1", us, "envoy", PartialDate.Day(2024, 10, 11)), r));
        await ScriptedNegotiationFixture.Accept(talks.Negotiation.Execute(new SignAgreement(talks.NegotiationId, "a1", iraq, null, PartialDate.Day(2024, 10, 12)), r));
        await ledger.CatchUpAsync();

        await using var session = ledger.Store.QuerySession();
        var agreement = ((await AgreementRegister.ForNegotiationAsync(session, talks.NegotiationId)).ShouldNotBeNull()).ShouldHaveSingleItem();
        agreement.Status.ShouldBe(AgreementRecord.Statuses.Signed);
        agreement.Signatures.Select(s => (s.Party, s.Said)).ShouldBe([(us, PartialDate.Day(2024, 10, 11)), (iraq, (PartialDate?)PartialDate.Day(2024, 10, 12))]);
    }
}
