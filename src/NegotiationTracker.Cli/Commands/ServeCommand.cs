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
        var command = new Command("serve", "Run the HTTP server (Orleans silo, event store and API in one process) until Ctrl+C") { urls };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var connectionString = await Ledger.ConnectionStringAsync(GlobalOptions.From(result), cancellationToken);
            await using var app = NegotiationServer.Build([], connectionString, result.GetValue(urls)!);
            await app.StartAsync(cancellationToken);
            foreach (var url in app.Urls)
            {
                Console.Error.WriteLine($"Listening on {url} (health: {url.TrimEnd('/')}/health/ready); Ctrl+C stops.");
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
