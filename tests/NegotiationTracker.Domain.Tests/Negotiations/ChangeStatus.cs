using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public class when_exploratory_talks_become_active
{
    [Fact]
    public void the_status_change_is_recorded_with_its_reason() =>
        NegotiationDecider.Decide(new ChangeStatus(NegotiationId, NegotiationStatus.Active, "Extensive negotiations", September2024), OpenedNegotiation(), Now)
            .ShouldAppendOnly<NegotiationStatusChanged>()
            .ShouldBe(new NegotiationStatusChanged(NegotiationId, NegotiationStatus.Active, "Extensive negotiations", September2024));
}

public class when_the_status_is_changed_to_the_one_it_has
{
    [Fact]
    public void the_rule_is_broken_and_the_status_named() =>
        NegotiationDecider.Decide(new ChangeStatus(NegotiationId, NegotiationStatus.Exploratory, "Still talking", September2024), OpenedNegotiation(), Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("already exploratory");
}

public class when_the_same_status_change_is_recorded_twice
{
    private static readonly ChangeStatus Change = new(NegotiationId, NegotiationStatus.Active, "Extensive negotiations", September2024);

    [Fact]
    public void nothing_is_appended_the_second_time()
    {
        var state = OpenedNegotiation().After(NegotiationDecider.Decide(Change, OpenedNegotiation(), Now));

        NegotiationDecider.Decide(Change, state, Now).ShouldAppendNothing();
    }
}

public class when_talks_that_stalled_become_active_again_on_another_date
{
    [Fact]
    public void the_change_is_recorded()
    {
        var state = OpenedNegotiation().After(
            new NegotiationStatusChanged(NegotiationId, NegotiationStatus.Active, "Talks began", PartialDate.Month(2024, 3)),
            new NegotiationStatusChanged(NegotiationId, NegotiationStatus.Stalled, "Talks paused", PartialDate.Month(2024, 6)));

        NegotiationDecider.Decide(new ChangeStatus(NegotiationId, NegotiationStatus.Active, "Talks resumed", September2024), state, Now)
            .ShouldAppendOnly<NegotiationStatusChanged>().Status.ShouldBe(NegotiationStatus.Active);
    }
}

public class when_a_status_change_is_said_to_happen_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_date() =>
        NegotiationDecider.Decide(new ChangeStatus(NegotiationId, NegotiationStatus.Active, "Talks begin", Tomorrow), OpenedNegotiation(), Now)
            .ShouldBeInvalid("said").Message.ShouldContain("future");
}

public class when_a_status_change_has_no_reason
{
    [Fact]
    public void it_is_rejected_naming_the_reason() =>
        NegotiationDecider.Decide(new ChangeStatus(NegotiationId, NegotiationStatus.Active, " ", September2024), OpenedNegotiation(), Now)
            .ShouldBeInvalid("reason");
}

public class when_a_status_change_stored_in_utc_is_recorded_again_at_the_offset_its_source_gave
{
    // Before offsets were kept, "14:30+03:00" was stored as "11:30Z"; importing the same file again must still find it.
    [Fact]
    public void nothing_is_appended() =>
        NegotiationDecider.Decide(
                new ChangeStatus(NegotiationId, NegotiationStatus.Active, "talks began", PartialDate.Parse("2024-09-27T14:30:00+03:00")),
                OpenedNegotiation().After(new NegotiationStatusChanged(NegotiationId, NegotiationStatus.Active, "talks began", PartialDate.Parse("2024-09-27T11:30:00Z"))),
                Now)
            .ShouldAppendNothing();
}
