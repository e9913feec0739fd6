using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Parties;

public class when_a_new_party_is_registered
{
    [Fact]
    public void it_is_registered_with_its_name_and_kind() =>
        PartyDecider.Decide(new RegisterParty("iraq", "Republic of Iraq", PartyKind.State), null)
            .ShouldAppendOnly<PartyRegistered>().ShouldBe(new PartyRegistered("iraq", "Republic of Iraq", PartyKind.State));
}

public class when_a_party_is_registered_again_as_it_is
{
    [Fact]
    public void nothing_is_appended() =>
        PartyDecider.Decide(new RegisterParty("iraq", "Name of iraq", PartyKind.State), RegisteredParty("iraq")).ShouldAppendNothing();
}

public class when_a_party_is_registered_again_under_another_name
{
    private readonly Decision _decision = PartyDecider.Decide(new RegisterParty("iraq", "Iraq", PartyKind.State), RegisteredParty("iraq"));

    [Fact]
    public void it_is_a_conflict() => _decision.ShouldBeRejectedAs("conflict");

    [Fact]
    public void the_conflict_names_the_name_it_has() => _decision.Rejection!.Message.ShouldContain("\"Name of iraq\"");
}

public class when_a_party_is_registered_again_as_another_kind
{
    [Fact]
    public void it_is_a_conflict_that_names_the_kind_it_has() =>
        PartyDecider.Decide(new RegisterParty("iraq", "Name of iraq", PartyKind.Government), RegisteredParty("iraq"))
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("(state)");
}

public class when_a_party_id_is_not_a_slug
{
    [Fact]
    public void it_is_rejected_naming_the_field() =>
        PartyDecider.Decide(new RegisterParty("Iraq", "Republic of Iraq", PartyKind.State), null).ShouldBeInvalid("party id");
}

public class when_a_party_name_hides_a_bidi_override
{
    [Fact]
    public void it_is_rejected_naming_the_character() =>
        PartyDecider.Decide(new RegisterParty("iraq", "Republic of \u202EqarI", PartyKind.State), null)
            .ShouldBeInvalid("name").Message.ShouldContain("U+202E");
}

public class when_a_party_name_holds_a_nul_character
{
    [Fact]
    public void it_is_rejected_naming_the_character() =>
        PartyDecider.Decide(new RegisterParty("iraq", "Republic\u0000of Iraq", PartyKind.State), null)
            .ShouldBeInvalid("name").Message.ShouldContain("U+0000");
}
