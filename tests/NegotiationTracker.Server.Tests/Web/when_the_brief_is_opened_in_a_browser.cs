using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NegotiationTracker.Server.Tests.Web;

/// <summary>What a person sees in a real browser: the server's pages as Chromium renders them, and the filter form used by hand.</summary>
[Collection(LedgerServed.Name)]
public sealed class when_the_brief_is_opened_in_a_browser(LedgerServedFixture ledger, BrowserFixture chromium) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Title = "U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq";

    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        context = await chromium.NewContextAsync(ledger.Client);
        page = await context.NewPageAsync();
    }

    [Fact]
    public async Task the_parties_are_named()
    {
        await OpenAsync($"/negotiations/{LedgerServedFixture.Seed}");

        foreach (var name in new[] { "United States", "Republic of Iraq", "Adam Weinstein" })
        {
            await Expect(page.Locator("#parties").GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task a_known_statement_reads_as_its_text()
    {
        await OpenAsync($"/negotiations/{LedgerServedFixture.Seed}");

        await Expect(page.Locator("#statements blockquote", new() { HasText = "U.S. forces are no longer necessary in Iraq, citing their success in combating ISIS." }))
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_timeline_chart_is_drawn_and_visible()
    {
        await OpenAsync($"/negotiations/{LedgerServedFixture.Seed}");

        var chart = page.Locator("#timeline-chart");
        await chart.ScrollIntoViewIfNeededAsync();
        await Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        box.ShouldNotBeNull();
        box.Width.ShouldBeGreaterThan(300);
        box.Height.ShouldBeGreaterThan(100);
        (await chart.Locator("g.mark").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task choosing_a_party_and_filtering_narrows_the_log_to_that_party()
    {
        await OpenAsync($"/negotiations/{LedgerServedFixture.Seed}");
        var statements = page.Locator("#statements li.statement");
        var before = await statements.CountAsync();

        await page.GetByLabel("Party", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Republic of Iraq" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("[?&]party=iraq(&|#|$)"));

        var speakers = await page.Locator("#statements li.statement .who").AllInnerTextsAsync();
        speakers.ShouldNotBeEmpty();
        speakers.Count.ShouldBeLessThan(before);
        speakers.ShouldAllBe(who => who.Contains("Republic of Iraq"));
        await Expect(page.GetByLabel("Party", new() { Exact = true })).ToHaveValueAsync("iraq");
    }

    [Fact]
    public async Task the_list_of_negotiations_links_to_the_brief()
    {
        await OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/negotiations/{LedgerServedFixture.Seed}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
    }

    [Fact]
    public async Task a_script_in_a_statement_shows_as_text_and_never_runs()
    {
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        await OpenAsync($"/negotiations/{MarkupTalks.Id}");

        await Expect(page.Locator("#statements blockquote", new() { HasText = $"{MarkupTalks.Script} We want a ceasefire." })).ToBeVisibleAsync();
        (await page.Locator("script").CountAsync()).ShouldBe(0);
        dialogs.ShouldBeEmpty();
    }

    private async Task OpenAsync(string path)
    {
        var response = await page.GotoAsync(path);
        response.ShouldNotBeNull();
        response.Status.ShouldBe(200, await response.TextAsync());
    }

    public async Task DisposeAsync() => await context.DisposeAsync();
}
