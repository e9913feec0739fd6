using System.Text.Json;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Tests.PartialDates;

public class when_a_partial_date_is_serialised_to_json
{
    [Theory]
    [InlineData("2011")]
    [InlineData("2024-09")]
    [InlineData("2024-09-27")]
    [InlineData("2024-09-27T14:30:00Z")]
    public void it_is_written_as_a_string_of_its_text(string text) =>
        JsonSerializer.Serialize(PartialDate.Parse(text)).ShouldBe($"\"{text}\"");

    [Theory]
    [InlineData("2011")]
    [InlineData("2024-09")]
    [InlineData("2024-09-27")]
    [InlineData("2024-09-27T14:30:00Z")]
    public void it_reads_back_as_the_same_date(string text)
    {
        var date = PartialDate.Parse(text);

        JsonSerializer.Deserialize<PartialDate>(JsonSerializer.Serialize(date)).ShouldBe(date);
    }

    [Fact]
    public void an_instant_is_written_at_the_offset_it_was_given() =>
        JsonDocument.Parse(JsonSerializer.Serialize(PartialDate.Parse("2020-02-29T15:00+03:00"))).RootElement.GetString().ShouldBe("2020-02-29T15:00:00+03:00");

    [Fact]
    public void an_instant_with_an_offset_reads_back_with_that_offset()
    {
        var read = JsonSerializer.Deserialize<PartialDate>("\"2020-02-29T15:00:00+03:00\"");

        read.Offset.ShouldBe(TimeSpan.FromHours(3));
        read.ToString().ShouldBe("2020-02-29T15:00:00+03:00");
    }

    [Fact]
    public void an_instant_stored_in_utc_reads_back_written_exactly_as_stored() =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize<PartialDate>("\"2020-02-29T12:00:00Z\"")).ShouldBe("\"2020-02-29T12:00:00Z\"");

    [Fact]
    public void an_instant_finer_than_a_microsecond_reads_back_as_the_same_instant()
    {
        var date = PartialDate.Parse("2024-09-27T14:30:00.0000001Z");

        JsonSerializer.Deserialize<PartialDate>(JsonSerializer.Serialize(date)).ShouldBe(date);
    }

    [Fact]
    public void an_event_carrying_one_reads_back_equal()
    {
        var joined = new PartyJoined("us-iraq-withdrawal", "iraq", PartyRole.Principal, PartialDate.Month(2024, 9));

        var json = JsonSerializer.Serialize(joined);

        json.ShouldContain("\"Said\":\"2024-09\"");
        JsonSerializer.Deserialize<PartyJoined>(json).ShouldBe(joined);
    }

    [Fact]
    public void a_missing_date_is_written_as_null() =>
        JsonSerializer.Serialize(new PartyJoined("us-iraq-withdrawal", "iraq", PartyRole.Principal, null)).ShouldContain("\"Said\":null");

    [Fact]
    public void a_missing_date_reads_back_as_missing() =>
        JsonSerializer.Deserialize<PartyJoined>(JsonSerializer.Serialize(new PartyJoined("us-iraq-withdrawal", "iraq", PartyRole.Principal, null)))!.Said.ShouldBeNull();
}

public class when_json_holds_a_partial_date
{
    [Fact]
    public void a_year_written_as_a_number_reads_as_that_year() =>
        JsonSerializer.Deserialize<PartialDate>("2011").ShouldBe(PartialDate.Year(2011));

    [Fact]
    public void a_string_that_is_not_a_date_is_refused() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<PartialDate>("\"2024-13\""));
}
