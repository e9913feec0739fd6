using System.CommandLine;
using Microsoft.Extensions.Hosting;
using NegotiationTracker.Server;

namespace NegotiationTracker.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, separated by ';' (default: {NegotiationServer.DefaultUrls})",
            DefaultValueFactory = _ => NegotiationServer.DefaultUrls,
        };
        var anonymousReads = new Option<bool>("--anonymous-reads")
        {
            Description = "Let callers without an API key read (queries and the web view); commands always need a recorder key",
        };
        var command = new Command("serve", "Run the HTTP server (Orleans silo, event store, API and web view in one process) until Ctrl+C") { urls, anonymousReads };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var connectionString = await Ledger.ConnectionStringAsync(GlobalOptions.ForDatabase(result, "serve"), cancellationToken);
            await using var app = NegotiationServer.Build([], connectionString, result.GetValue(urls)!,
                settings: new ServerSettings(AnonymousReads: result.GetValue(anonymousReads)));
            await app.StartAsync(cancellationToken);
            foreach (var url in app.Urls.Select(u => u.TrimEnd('/')))
            {
                Console.Error.WriteLine($"Listening on {url}: web view {url}/, API page {url}/scalar, OpenAPI {url}/openapi/v1.json, health {url}/health/ready. Ctrl+C stops.");
            }

            if (await NegotiationServer.HasNoKeysAsync(app, cancellationToken))
            {
                Console.Error.WriteLine("No API keys yet: create one with `negotiation keys create --role admin --name \"Your name\"` (same --db).");
            }

            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: stop cleanly below.
            }

            await app.StopAsync(CancellationToken.None);
        }));
        return command;
    }
}
