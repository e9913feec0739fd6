using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

file static class Agreed
{
    /// <summary>us and iraq reached an agreement; kurdistan takes part but is not party to it.</summary>
    public static Negotiation Negotiation() =>
        OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq", "kurdistan").WithAgreement("withdrawal-agreement", null, "us", "iraq");
}

public class when_a_party_to_the_agreement_signs_it
{
    [Fact]
    public void the_signature_is_recorded_with_the_signatory() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "withdrawal-agreement", "iraq", "al-sudani", September2024),
                Agreed.Negotiation(),
                RegisteredParty("iraq", "al-sudani"),
                Now)
            .ShouldAppendOnly<AgreementSigned>().ShouldBe(new AgreementSigned(NegotiationId, "withdrawal-agreement", "iraq", "al-sudani", September2024));
}

public class when_a_party_signs_without_naming_a_signatory
{
    [Fact]
    public void the_signature_is_recorded() =>
        NegotiationDecider.Decide(new SignAgreement(NegotiationId, "withdrawal-agreement", "us", null, September2024), Agreed.Negotiation(), RegisteredParty("us"), Now)
            .ShouldAppendOnly<AgreementSigned>().SignatoryId.ShouldBeNull();
}

public class when_a_party_that_is_not_party_to_the_agreement_signs_it
{
    [Fact]
    public void the_rule_is_broken_and_the_party_named() =>
        NegotiationDecider.Decide(new SignAgreement(NegotiationId, "withdrawal-agreement", "kurdistan", null, September2024), Agreed.Negotiation(), RegisteredParty("kurdistan"), Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("party kurdistan is not a party to agreement withdrawal-agreement");
}

public class when_the_signatory_is_not_one_of_the_partys_people
{
    [Fact]
    public void it_is_not_found_and_names_the_signatory() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "withdrawal-agreement", "iraq", "biden", September2024),
                Agreed.Negotiation(),
                RegisteredParty("iraq", "al-sudani"),
                Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("signatory biden is not one of iraq's people");
}

public class when_an_agreement_that_was_never_reached_is_signed
{
    [Fact]
    public void it_is_not_found_and_names_the_agreement() =>
        NegotiationDecider.Decide(new SignAgreement(NegotiationId, "status-of-forces", "iraq", null, September2024), Agreed.Negotiation(), RegisteredParty("iraq"), Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("agreement status-of-forces");
}

public class when_a_party_signs_the_same_agreement_twice_in_the_same_way
{
    [Fact]
    public void nothing_is_appended() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "withdrawal-agreement", "iraq", "al-sudani", September2024),
                Agreed.Negotiation().WithSignature("withdrawal-agreement", "iraq", "al-sudani"),
                RegisteredParty("iraq", "al-sudani"),
                Now)
            .ShouldAppendNothing();
}

public class when_a_party_signs_the_same_agreement_again_through_someone_else
{
    [Fact]
    public void it_is_a_conflict_that_names_the_party() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "withdrawal-agreement", "iraq", "hussein", September2024),
                Agreed.Negotiation().WithSignature("withdrawal-agreement", "iraq", "al-sudani"),
                RegisteredParty("iraq", "al-sudani", "hussein"),
                Now)
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("party iraq already signed");
}

public class when_a_party_signs_the_same_agreement_again_on_another_date
{
    [Fact]
    public void it_is_a_conflict() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "withdrawal-agreement", "iraq", "al-sudani", PartialDate.Month(2024, 10)),
                Agreed.Negotiation().WithSignature("withdrawal-agreement", "iraq", "al-sudani"),
                RegisteredParty("iraq", "al-sudani"),
                Now)
            .ShouldBeRejectedAs("conflict");
}

public class when_a_signature_is_said_to_happen_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_date() =>
        NegotiationDecider.Decide(new SignAgreement(NegotiationId, "withdrawal-agreement", "iraq", null, Tomorrow), Agreed.Negotiation(), RegisteredParty("iraq"), Now)
            .ShouldBeInvalid("said");
}

public class when_a_stakeholder_that_is_party_to_the_agreement_signs_it
{
    [Fact]
    public void the_signature_is_recorded() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "access-agreement", "kurdistan", null, September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us").WithMember("kurdistan", PartyRole.Stakeholder).WithAgreement("access-agreement", null, "us", "kurdistan"),
                RegisteredParty("kurdistan"),
                Now)
            .ShouldAppendOnly<AgreementSigned>().PartyId.ShouldBe("kurdistan");
}

public class when_a_commentator_named_in_an_agreement_signs_it
{
    // Only an agreement recorded before the role rules can name a commentator; signing it is refused all the same.
    [Fact]
    public void it_is_refused_naming_the_party_and_its_role() =>
        NegotiationDecider.Decide(
                new SignAgreement(NegotiationId, "withdrawal-agreement", "rubin", null, September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us").WithMember("rubin", PartyRole.Commentator).WithAgreement("withdrawal-agreement", null, "us", "rubin"),
                RegisteredParty("rubin"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe("rubin is a commentator in us-iraq-withdrawal: a commentator may not sign agreements");
}
