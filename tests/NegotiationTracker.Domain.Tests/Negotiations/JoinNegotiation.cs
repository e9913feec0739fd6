using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public class when_a_registered_party_joins_an_opened_negotiation
{
    [Fact]
    public void it_joins_in_its_role() =>
        NegotiationDecider.Decide(new JoinNegotiation(NegotiationId, "iraq", PartyRole.Principal, September2024), OpenedNegotiation(), RegisteredParty("iraq"), Now)
            .ShouldAppendOnly<PartyJoined>().ShouldBe(new PartyJoined(NegotiationId, "iraq", PartyRole.Principal, September2024));
}

public class when_a_party_that_is_not_registered_joins
{
    [Fact]
    public void it_is_not_found_and_names_the_party() =>
        NegotiationDecider.Decide(new JoinNegotiation(NegotiationId, "iraq", PartyRole.Principal, September2024), OpenedNegotiation(), null, Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("party iraq is not registered");
}

public class when_a_party_joins_a_negotiation_that_is_not_opened
{
    [Fact]
    public void it_is_not_found_and_names_the_negotiation() =>
        NegotiationDecider.Decide(new JoinNegotiation(NegotiationId, "iraq", PartyRole.Principal, September2024), null, RegisteredParty("iraq"), Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain($"negotiation {NegotiationId} has not been opened");
}

public class when_a_party_joins_again_in_the_same_role
{
    [Fact]
    public void nothing_is_appended() =>
        NegotiationDecider.Decide(
                new JoinNegotiation(NegotiationId, "iraq", PartyRole.Principal, September2024),
                OpenedNegotiation().WithMember("iraq", PartyRole.Principal),
                RegisteredParty("iraq"),
                Now)
            .ShouldAppendNothing();
}

public class when_a_party_joins_again_in_another_role
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new JoinNegotiation(NegotiationId, "iraq", PartyRole.Observer, September2024),
        OpenedNegotiation().WithMember("iraq", PartyRole.Principal),
        RegisteredParty("iraq"),
        Now);

    [Fact]
    public void it_is_a_conflict() => _decision.ShouldBeRejectedAs("conflict");

    [Fact]
    public void the_conflict_names_the_role_it_already_has() => _decision.Rejection!.Message.ShouldContain("as principal");
}

public class when_a_party_is_said_to_join_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_date() =>
        NegotiationDecider.Decide(new JoinNegotiation(NegotiationId, "iraq", PartyRole.Principal, Tomorrow), OpenedNegotiation(), RegisteredParty("iraq"), Now)
            .ShouldBeInvalid("said").Message.ShouldContain("2026-11-26");
}
