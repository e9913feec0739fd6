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
        var briefs = Limit("--concurrent-briefs", "briefs (report, web brief, history, diff, audits, timeline, dossier, verification)", "a tenth");
        var reads = Limit("--concurrent-reads", "other reads", "a quarter");
        var writes = Limit("--concurrent-writes", "writes (commands, imports, signing in and out, keys)", "half");
        var command = new Command("serve", "Run the HTTP server (Orleans silo, event store, API and web view in one process) until Ctrl+C")
        {
            urls, anonymousReads, briefs, reads, writes,
        };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var connectionString = await Ledger.ConnectionStringAsync(GlobalOptions.ForDatabase(result, "serve"), cancellationToken);
            var limits = RequestLimits.ForConnectionString(connectionString)
                .With(result.GetValue(briefs), result.GetValue(reads), result.GetValue(writes));
            await using var app = NegotiationServer.Build([], connectionString, result.GetValue(urls)!,
                settings: new ServerSettings(AnonymousReads: result.GetValue(anonymousReads), Limits: limits));
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

    private static Option<int?> Limit(string name, string what, string poolShare)
    {
        var option = new Option<int?>(name)
        {
            Description = $"How many {what} are served at once (default: {poolShare} of the connection pool); "
                + $"{RequestLimits.DefaultQueuePerPermit} more per place may wait, and beyond that a request is answered 503 with Retry-After",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError($"{name} must be at least 1");
            }
        });
        return option;
    }
}
