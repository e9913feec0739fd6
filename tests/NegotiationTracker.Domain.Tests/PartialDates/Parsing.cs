using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Tests.PartialDates;

public class when_a_year_is_parsed
{
    private readonly PartialDate _date = PartialDate.Parse("2011");

    [Fact]
    public void it_is_a_year() => _date.Precision.ShouldBe(DatePrecision.Year);

    [Fact]
    public void it_starts_on_the_first_of_january_utc() => _date.Start.ShouldBe(new DateTimeOffset(2011, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void it_ends_on_the_first_of_january_of_the_next_year() => _date.End.ShouldBe(new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero));
}

public class when_a_month_is_parsed
{
    private readonly PartialDate _date = PartialDate.Parse("2024-09");

    [Fact]
    public void it_is_a_month() => _date.Precision.ShouldBe(DatePrecision.Month);

    [Fact]
    public void it_starts_on_the_first_of_the_month_utc() => _date.Start.ShouldBe(new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void it_ends_on_the_first_of_the_next_month() => _date.End.ShouldBe(new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero));
}

public class when_a_day_is_parsed
{
    private readonly PartialDate _date = PartialDate.Parse("2024-09-27");

    [Fact]
    public void it_is_a_day() => _date.Precision.ShouldBe(DatePrecision.Day);

    [Fact]
    public void it_starts_at_midnight_utc() => _date.Start.ShouldBe(new DateTimeOffset(2024, 9, 27, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void it_ends_at_the_next_midnight() => _date.End.ShouldBe(new DateTimeOffset(2024, 9, 28, 0, 0, 0, TimeSpan.Zero));
}

public class when_an_instant_in_utc_is_parsed
{
    private readonly PartialDate _date = PartialDate.Parse("2024-09-27T14:30:00Z");

    [Fact]
    public void it_is_an_instant() => _date.Precision.ShouldBe(DatePrecision.Instant);

    [Fact]
    public void it_starts_at_that_instant() => _date.Start.ShouldBe(new DateTimeOffset(2024, 9, 27, 14, 30, 0, TimeSpan.Zero));

    [Fact]
    public void it_covers_no_more_than_that_instant() => _date.End.ShouldBe(_date.Start);
}

public class when_an_instant_with_an_offset_is_parsed
{
    [Theory]
    [InlineData("2024-09-27T14:30:00+03:00", 11, 30)]
    [InlineData("2024-09-27T14:30:00-05:00", 19, 30)]
    [InlineData("2024-09-27T14:30+03:00", 11, 30)]
    public void it_is_the_same_instant_in_utc(string text, int utcHour, int utcMinute) =>
        PartialDate.Parse(text).Start.ShouldBe(new DateTimeOffset(2024, 9, 27, utcHour, utcMinute, 0, TimeSpan.Zero));

    [Fact]
    public void it_is_kept_on_the_utc_clock() => PartialDate.Parse("2024-09-27T14:30:00+03:00").Start.Offset.ShouldBe(TimeSpan.Zero);

    [Fact]
    public void it_equals_the_same_instant_written_in_utc() =>
        PartialDate.Parse("2024-09-27T14:30:00+03:00").ShouldBe(PartialDate.Parse("2024-09-27T11:30:00Z"));

    [Theory]
    [InlineData("2024-09-27T14:30:00+03:00", "2024-09-27T14:30:00+03:00")]
    [InlineData("2020-02-29T15:00+03:00", "2020-02-29T15:00:00+03:00")]
    [InlineData("2024-09-27T14:30:00.5-05:00", "2024-09-27T14:30:00.5-05:00")]
    [InlineData("2024-09-27T14:30:00Z", "2024-09-27T14:30:00Z")]
    public void it_is_written_back_at_the_offset_it_was_given(string text, string written) => PartialDate.Parse(text).ToString().ShouldBe(written);

    [Fact]
    public void its_offset_is_the_one_given() => PartialDate.Parse("2024-09-27T14:30:00+03:00").Offset.ShouldBe(TimeSpan.FromHours(3));

    [Fact]
    public void as_given_it_is_on_the_clock_of_its_source() =>
        PartialDate.Parse("2024-09-27T14:30:00+03:00").AsGiven.ShouldBe(new DateTimeOffset(2024, 9, 27, 14, 30, 0, TimeSpan.FromHours(3)));

    [Fact]
    public void it_hashes_as_the_same_instant_written_in_utc() =>
        PartialDate.Parse("2024-09-27T14:30:00+03:00").GetHashCode().ShouldBe(PartialDate.Parse("2024-09-27T11:30:00Z").GetHashCode());

    [Fact]
    public void it_orders_level_with_the_same_instant_written_in_utc() =>
        PartialDate.Parse("2024-09-27T14:30:00+03:00").CompareTo(PartialDate.Parse("2024-09-27T11:30:00Z")).ShouldBe(0);

    [Fact]
    public void it_orders_by_instant_not_by_its_clock_time() =>
        (PartialDate.Parse("2024-09-27T14:30:00+03:00") < PartialDate.Parse("2024-09-27T12:00:00Z")).ShouldBeTrue();

    [Fact]
    public void in_utc_it_is_written_as_every_instant_was_before_offsets_were_kept() =>
        PartialDate.Parse("2024-09-27T14:30:00+03:00").ToUniversal().ToString().ShouldBe("2024-09-27T11:30:00Z");
}

public class when_text_is_not_a_partial_date
{
    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-02-30")]
    [InlineData("24-09")]
    [InlineData("yesterday")]
    [InlineData("2024-09-27T14:30:00")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0000")]
    [InlineData("2024-9")]
    [InlineData("2024-09-27 14:30:00Z")]
    public void it_is_refused(string text) => PartialDate.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void no_text_is_refused() => PartialDate.TryParse(null, out _).ShouldBeFalse();

    [Fact]
    public void parsing_it_throws_a_format_error_that_quotes_it_and_shows_the_forms_allowed()
    {
        var error = Should.Throw<FormatException>(() => PartialDate.Parse("yesterday"));

        error.Message.ShouldContain("'yesterday'");
        error.Message.ShouldContain("2024-09-27");
    }
}

public class when_a_partial_date_is_written_as_text
{
    [Theory]
    [InlineData("2011")]
    [InlineData("2024-09")]
    [InlineData("2024-09-27")]
    [InlineData("2024-09-27T14:30:00Z")]
    [InlineData("2024-09-27T14:30:00.5Z")]
    [InlineData("2024-09-27T14:30:00.123Z")]
    public void it_reads_as_it_was_written(string text) => PartialDate.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData("2011")]
    [InlineData("2024-09")]
    [InlineData("2024-09-27")]
    [InlineData("2024-09-27T14:30:00Z")]
    [InlineData("2024-09-27T14:30:00.123Z")]
    [InlineData("2024-09-27T14:30:00.1234567Z")]
    public void reading_the_text_again_gives_the_same_date(string text)
    {
        var date = PartialDate.Parse(text);

        PartialDate.Parse(date.ToString()).ShouldBe(date);
    }

    [Fact]
    public void an_instant_finer_than_a_microsecond_keeps_its_last_digit() =>
        PartialDate.Parse("2024-09-27T14:30:00.0000001Z").ToString().ShouldBe("2024-09-27T14:30:00.0000001Z");

    [Fact]
    public void an_instant_keeps_the_seconds_it_was_given_even_when_they_are_zero() =>
        PartialDate.Parse("2024-09-27T14:30Z").ToString().ShouldBe("2024-09-27T14:30:00Z");
}
