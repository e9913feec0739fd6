using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;

namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>
/// The server as `negotiation serve` runs it (Orleans, Marten, Wolverine in one process), on a free loopback port and a
/// fresh database, one per test class; the tests talk to it over real HTTP.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private WebApplication? app;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("the server has not started");

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync();
        app = NegotiationServer.Build([], connectionString, "http://127.0.0.1:0");
        await app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Task<HttpResponseMessage> ImportAsync(string yaml, string name = "seed.yaml")
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/yaml");
        return Client.PostAsync($"/api/imports?name={Uri.EscapeDataString(name)}", content);
    }
}
