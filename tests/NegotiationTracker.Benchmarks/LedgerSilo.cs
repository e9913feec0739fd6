using NegotiationTracker.Hosting;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationTracker.Grains;
using NegotiationTracker.Hosting.EventStore;

namespace NegotiationTracker.Benchmarks;

/// <summary>
/// The product's write path hosted as the CLI hosts it (src/NegotiationTracker.Cli/Ledger.cs): an in-process Orleans silo
/// with localhost clustering, the grains, and the Marten store with its async daemon in Solo mode; only the schema is the
/// case's own.
/// </summary>
public static class LedgerSilo
{
    public static async Task<IHost> StartAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // Warnings go to stderr, away from the tables on stdout.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Services.AddNegotiationStore(connectionString, DaemonMode.Solo, schema);
        builder.Services.AddNegotiationGrains();
        builder.UseOrleans(silo => silo.UseLocalSilo());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
