using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Parties;

public class when_a_person_is_affiliated_with_a_registered_party
{
    [Fact]
    public void the_person_is_recorded_with_their_title() =>
        PartyDecider.Decide(new AffiliatePerson("iraq", "al-sudani", "Mohammed Shia al-Sudani", "Prime Minister"), RegisteredParty("iraq"))
            .ShouldAppendOnly<PersonAffiliated>().ShouldBe(new PersonAffiliated("iraq", "al-sudani", "Mohammed Shia al-Sudani", "Prime Minister"));
}

public class when_a_person_is_affiliated_with_a_party_that_is_not_registered
{
    [Fact]
    public void it_is_not_found_and_names_the_party() =>
        PartyDecider.Decide(new AffiliatePerson("iraq", "al-sudani", "Mohammed Shia al-Sudani", null), null)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("party iraq is not registered");
}

public class when_a_person_is_affiliated_again_as_they_are
{
    [Fact]
    public void nothing_is_appended() =>
        PartyDecider.Decide(new AffiliatePerson("iraq", "al-sudani", "Name of al-sudani", null), RegisteredParty("iraq", "al-sudani")).ShouldAppendNothing();
}

public class when_a_person_id_is_affiliated_again_under_another_name
{
    [Fact]
    public void it_is_a_conflict_that_names_the_person_it_is() =>
        PartyDecider.Decide(new AffiliatePerson("iraq", "al-sudani", "Someone else", null), RegisteredParty("iraq", "al-sudani"))
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("\"Name of al-sudani\"");
}

public class when_a_person_id_is_not_a_slug
{
    [Fact]
    public void it_is_rejected_naming_the_field() =>
        PartyDecider.Decide(new AffiliatePerson("iraq", "Al Sudani", "Mohammed Shia al-Sudani", null), RegisteredParty("iraq")).ShouldBeInvalid("person id");
}
