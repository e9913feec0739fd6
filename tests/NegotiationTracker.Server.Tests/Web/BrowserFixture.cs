using Microsoft.Playwright;

namespace NegotiationTracker.Server.Tests.Web;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: never a browser of Playwright's own (`playwright install` downloads
/// one, which this machine and CI cannot). Launched once per test class, on first use.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Program = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// A fresh context (no cookies, no cache) aimed at the server, sending the headers its HTTP client sends: whatever
    /// the server asks of a caller (an API key, once there is one), the browser sends too.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(HttpClient client)
    {
        var headers = client.DefaultRequestHeaders.ToDictionary(h => h.Key, h => string.Join(", ", h.Value));
        var browser = await LaunchAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = client.BaseAddress!.ToString(),
            ExtraHTTPHeaders = headers,
        });
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (browser is not null)
        {
            return browser;
        }

        // A missing browser fails the test, as the report tests do: a skipped browser test would read as a passing one.
        if (!File.Exists(Program))
        {
            Assert.Fail($"{Program} is missing: run .ci/ensure-chromium (it installs Debian's chromium package), then run the tests again.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Program,
            Headless = true,
            // No sandbox: the tests run as root here and in CI. The rest keeps the browser from calling out of the machine.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return browser;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
