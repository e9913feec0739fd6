using System.Net;

namespace NegotiationTracker.Server.Tests.Web;

[Collection(LedgerServed.Name)]
public sealed class when_a_filter_date_is_not_a_date(LedgerServedFixture ledger)
{
    [Theory]
    [InlineData("from", "2024-13-45")]
    [InlineData("to", "next week")]
    public async Task the_brief_is_a_400_page_naming_the_field_and_the_value(string field, string value)
    {
        using var response = await ledger.Client.GetAsync($"/negotiations/us-iraq-withdrawal?party=iraq&{field}={Uri.EscapeDataString(value)}");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        body.ShouldContain($"<li><strong>{field}</strong>: &#39;{value}&#39; is not a date");
        body.ShouldContain("<a href=\"/negotiations/us-iraq-withdrawal#statements\">");
    }
}
