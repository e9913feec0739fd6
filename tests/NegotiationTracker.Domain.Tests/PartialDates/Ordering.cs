using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Tests.PartialDates;

public class when_partial_dates_start_at_the_same_instant
{
    [Fact]
    public void the_coarser_sorts_first()
    {
        string[] written = ["2024-01-01T00:00:00Z", "2024-01", "2024", "2024-01-01"];

        written.Select(PartialDate.Parse).Order().Select(d => d.ToString())
            .ShouldBe(["2024", "2024-01", "2024-01-01", "2024-01-01T00:00:00Z"]);
    }

    [Fact]
    public void a_year_is_less_than_its_first_month() => (PartialDate.Parse("2024") < PartialDate.Parse("2024-01")).ShouldBeTrue();

    [Fact]
    public void a_month_is_less_than_its_first_day() => (PartialDate.Parse("2024-01") < PartialDate.Parse("2024-01-01")).ShouldBeTrue();

    [Fact]
    public void a_day_is_less_than_its_first_instant() => (PartialDate.Parse("2024-01-01") < PartialDate.Parse("2024-01-01T00:00:00Z")).ShouldBeTrue();

    [Fact]
    public void the_same_date_compares_equal() => PartialDate.Parse("2024-09").CompareTo(PartialDate.Month(2024, 9)).ShouldBe(0);
}

public class when_partial_dates_start_at_different_instants
{
    [Fact]
    public void an_earlier_month_sorts_first() => (PartialDate.Parse("2024-09") < PartialDate.Parse("2024-10")).ShouldBeTrue();

    [Fact]
    public void a_later_month_is_greater() => (PartialDate.Parse("2024-10") > PartialDate.Parse("2024-09")).ShouldBeTrue();

    [Fact]
    public void the_earlier_start_sorts_first_even_when_it_is_finer() =>
        (PartialDate.Parse("2024-09-30") < PartialDate.Parse("2024-10")).ShouldBeTrue();

    [Fact]
    public void the_earlier_start_sorts_first_even_when_it_is_coarser() =>
        (PartialDate.Parse("2024") < PartialDate.Parse("2024-01-02")).ShouldBeTrue();

    [Fact]
    public void the_last_instant_of_a_year_sorts_before_the_next_year() =>
        (PartialDate.Parse("2023-12-31T23:59:59Z") < PartialDate.Parse("2024")).ShouldBeTrue();
}
