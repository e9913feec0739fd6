using NegotiationTracker.Hosting;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures.Contract;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// A server on a database the fault test chose (a private cluster, a connection string with its own settings, or a
/// database a stopped server left behind), with a client holding a recorder key; disposing stops the server.
/// </summary>
public sealed record RunningServer(WebApplication App, HttpClient Client, string Key) : IAsyncDisposable
{
    public IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    /// <param name="key">The key a previous server on the same database issued (it is in the database); null issues one.</param>
    public static async Task<RunningServer> StartAsync(string connectionString, string? key = null)
    {
        var app = NegotiationServer.Build([], connectionString, "http://127.0.0.1:0");
        await app.StartAsync();
        if (key is null)
        {
            await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
            (_, key) = await ApiKeys.CreateAsync(session, "Fault test", ApiRole.Recorder, "tests", DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var client = ContractChecking.Client(new Uri(app.Urls.First()), timeout: TimeSpan.FromMinutes(1));
        client.DefaultRequestHeaders.Add(Wire.ApiKeyHeader, key);
        return new RunningServer(app, client, key);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
