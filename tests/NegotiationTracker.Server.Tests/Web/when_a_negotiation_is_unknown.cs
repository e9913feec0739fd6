using System.Net;

namespace NegotiationTracker.Server.Tests.Web;

[Collection(LedgerServed.Name)]
public sealed class when_a_negotiation_is_unknown(LedgerServedFixture ledger)
{
    [Fact]
    public async Task its_brief_is_a_404_page_that_says_so()
    {
        using var response = await ledger.Client.GetAsync("/negotiations/no-such-talks");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        body.ShouldStartWith("<!DOCTYPE html>");
        body.ShouldContain("Negotiation <code>no-such-talks</code> is not in the ledger.");
        body.ShouldContain("<a href=\"/\">← All negotiations</a>");
    }
}
