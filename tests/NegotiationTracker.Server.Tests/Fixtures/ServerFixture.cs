using NegotiationTracker.Hosting;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures.Contract;

namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>
/// The server as `negotiation serve` runs it (Orleans, Marten, Wolverine in one process), on a free loopback port and a
/// fresh database, one per test class; the tests talk to it over real HTTP. <see cref="Client"/> carries an admin key
/// (so tests of what an endpoint does are not about who may call it); <see cref="ClientWith"/> gives other roles.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private WebApplication? app;
    private readonly List<HttpClient> clients = [];

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The admin key <see cref="Client"/> sends.</summary>
    public string AdminKey { get; private set; } = "";

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("the server has not started");

    /// <summary>The server's database, for reading it directly as `negotiation --db` does (never for writing beside the server).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the server listens, e.g. http://127.0.0.1:40123.</summary>
    public string Address => app?.Urls.First() ?? throw new InvalidOperationException("the server has not started");

    protected virtual ServerSettings Settings => new();

    /// <summary>Changes to the server's services before it is built, e.g. a clock the test drives.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        app = NegotiationServer.Build([], ConnectionString, "http://127.0.0.1:0", Configure, Settings);
        await app.StartAsync();
        AdminKey = await CreateKeyAsync("Test admin", ApiRole.Admin);
        Client = Anonymous();
        Client.DefaultRequestHeaders.Add(Wire.ApiKeyHeader, AdminKey);
    }

    /// <summary>Issues a key straight into the database, as `negotiation keys create` does.</summary>
    public async Task<string> CreateKeyAsync(string name, ApiRole role)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var (_, text) = await ApiKeys.CreateAsync(session, name, role, "tests", DateTimeOffset.UtcNow, CancellationToken.None);
        return text;
    }

    /// <summary>A client sending a new key of <paramref name="role"/> held by <paramref name="name"/>.</summary>
    public async Task<HttpClient> ClientWith(ApiRole role, string? name = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(Wire.ApiKeyHeader, await CreateKeyAsync(name ?? $"Test {role}", role));
        return client;
    }

    /// <summary>A client with no key at all. Every client checks its answers against the server's OpenAPI document (<see cref="ContractCheck"/>).</summary>
    public HttpClient Anonymous()
    {
        var client = ContractChecking.Client(new Uri(Address));
        clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
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

    /// <summary>Posts a seed file; the test fails with the server's answer unless it was imported.</summary>
    public async Task ImportOkAsync(string yaml, string name)
    {
        using var response = await ImportAsync(yaml, name);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts one of the repository's seed files (<c>seeds/</c>), by its name.</summary>
    public async Task ImportSeedAsync(string fileName) => await ImportOkAsync(await File.ReadAllTextAsync(Paths.Seed(fileName)), fileName);

    /// <summary>Waits until Wolverine has run the async views up to the last event, rather than for a while.</summary>
    public Task ViewsCaughtUpAsync() => Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
}

/// <summary>A server started with reads open to callers without a key.</summary>
public sealed class AnonymousReadsServerFixture : ServerFixture
{
    protected override ServerSettings Settings => new(AnonymousReads: true);
}

/// <summary>A server whose ledger already holds the small negotiation of <see cref="Talks"/>.</summary>
public sealed class TalksServerFixture : ServerFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Talks.OpenAsync(Client);
    }
}
