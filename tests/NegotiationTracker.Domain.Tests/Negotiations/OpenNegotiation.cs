using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public class when_a_negotiation_is_opened
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new OpenNegotiation(NegotiationId, Title, Opened, [Issue("withdrawal-timeline"), Issue("us-troop-presence")]), null, Now);

    [Fact]
    public void it_is_opened_with_its_title_and_date()
    {
        var opened = _decision.ShouldAppendOnly<NegotiationOpened>();

        opened.NegotiationId.ShouldBe(NegotiationId);
        opened.Title.ShouldBe(Title);
        opened.Opened.ShouldBe(Opened);
    }

    [Fact]
    public void it_is_opened_with_its_issues() =>
        _decision.ShouldAppendOnly<NegotiationOpened>().Issues.ShouldBe([Issue("withdrawal-timeline"), Issue("us-troop-presence")]);

    [Fact]
    public void it_starts_exploratory() =>
        Negotiation.Evolve(null, _decision.ShouldAppendOnly<NegotiationOpened>())!.Status.ShouldBe(NegotiationStatus.Exploratory);
}

public class when_the_same_negotiation_is_opened_again
{
    [Fact]
    public void nothing_is_appended() =>
        NegotiationDecider.Decide(new OpenNegotiation(NegotiationId, Title, Opened, [Issue("withdrawal-timeline")]), OpenedNegotiation("withdrawal-timeline"), Now)
            .ShouldAppendNothing();
}

public class when_a_negotiation_is_opened_again_with_a_new_issue
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new OpenNegotiation(NegotiationId, Title, Opened, [Issue("withdrawal-timeline"), Issue("kurdistan-access")]),
        OpenedNegotiation("withdrawal-timeline"),
        Now);

    [Fact]
    public void only_the_new_issue_is_added() =>
        _decision.ShouldAppendOnly<IssueAdded>().ShouldBe(new IssueAdded(NegotiationId, "kurdistan-access", "Title of kurdistan-access"));
}

public class when_a_negotiation_is_opened_again_with_another_title
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new OpenNegotiation(NegotiationId, "Another title", Opened, []), OpenedNegotiation("withdrawal-timeline"), Now);

    [Fact]
    public void it_is_a_conflict() => _decision.ShouldBeRejectedAs("conflict");

    [Fact]
    public void the_conflict_names_the_title_it_was_opened_with() => _decision.Rejection!.Message.ShouldContain(Title);
}

public class when_a_negotiation_is_opened_again_with_another_date
{
    [Fact]
    public void it_is_a_conflict_that_names_the_date_it_was_opened() =>
        NegotiationDecider.Decide(new OpenNegotiation(NegotiationId, Title, PartialDate.Year(2023), []), OpenedNegotiation(), Now)
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("opened 2024");
}

public class when_a_negotiation_is_opened_again_with_an_issue_under_another_title
{
    [Fact]
    public void it_is_a_conflict_that_names_the_issue() =>
        NegotiationDecider.Decide(
                new OpenNegotiation(NegotiationId, Title, Opened, [new Issue("withdrawal-timeline", "Another title")]),
                OpenedNegotiation("withdrawal-timeline"),
                Now)
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("withdrawal-timeline");
}

public class when_a_negotiation_is_opened_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_opening_date() =>
        NegotiationDecider.Decide(new OpenNegotiation(NegotiationId, Title, Tomorrow, []), null, Now)
            .ShouldBeInvalid("opened").Message.ShouldContain("future");
}

public class when_a_negotiation_is_opened_with_an_issue_twice
{
    [Fact]
    public void it_is_rejected_naming_the_issue() =>
        NegotiationDecider.Decide(new OpenNegotiation(NegotiationId, Title, Opened, [Issue("kurdistan-access"), Issue("kurdistan-access")]), null, Now)
            .ShouldBeInvalid("issues").Message.ShouldContain("kurdistan-access");
}

public class when_a_negotiation_id_is_not_a_slug
{
    [Fact]
    public void it_is_rejected_naming_the_field() =>
        NegotiationDecider.Decide(new OpenNegotiation("US Iraq", Title, Opened, []), null, Now)
            .ShouldBeInvalid("negotiation id").Message.ShouldContain("'US Iraq'");
}
