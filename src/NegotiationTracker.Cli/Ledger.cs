using NegotiationTracker.Hosting;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Grains;
using NegotiationTracker.Hosting.EventStore;
using NegotiationTracker.Hosting.Postgres;

namespace NegotiationTracker.Cli;

/// <summary>
/// The CLI's connection to the ledger. Reads go straight to the read models; writes start an in-process Orleans silo,
/// so every command goes through the same single-writer grains a server would host.
/// </summary>
public static class Ledger
{
    /// <summary>
    /// Who records what this process writes to a database: the OS user running it, on this host, stored as
    /// <c>os:USER@HOST</c> so it is never taken for a key holder of the same name.
    /// </summary>
    public static string RecordedBy => Recorder.OsUser(Environment.UserName, Environment.MachineName).Stored;

    public static Task<string> ConnectionStringAsync(GlobalOptions options, CancellationToken cancellationToken) =>
        DatabaseLocation.ResolveAsync(options.Db, options.DataDirectory, note => Console.Error.WriteLine(note), cancellationToken);

    /// <param name="catchUp">Bring the async views up to date first, for commands that read them (timeline, positions, reports).</param>
    public static async Task<IDocumentStore> OpenStoreAsync(GlobalOptions options, CancellationToken cancellationToken, bool catchUp = false)
    {
        var connectionString = await ConnectionStringAsync(options, cancellationToken);
        var store = DocumentStore.For(o =>
        {
            NegotiationStore.Configure(o, connectionString);

            // This process runs the daemon itself (Solo) when a command needs the async views; see CatchUpAsync.
            o.Projections.AsyncMode = DaemonMode.Solo;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (catchUp)
        {
            await CatchUpAsync(store, cancellationToken);
        }

        return store;
    }

    /// <summary>Runs the async daemon in this process (Solo) until every async view has processed every event, then stops it.</summary>
    public static async Task CatchUpAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        // Marten's wait times out on a store with no events at all: there is nothing to catch up with.
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
        if (statistics.EventCount == 0)
        {
            return;
        }

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await store.WaitForNonStaleProjectionDataAsync(CatchUpTimeout);
        await daemon.StopAllAsync();
    }

    public static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(10);

    public static async Task<IHost> StartSiloAsync(GlobalOptions options, CancellationToken cancellationToken)
    {
        var connectionString = await ConnectionStringAsync(options, cancellationToken);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // Warnings go to stderr: stdout carries the command's output (JSON, CSV) and must stay clean.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        // A host that fails to start (the database is down) is reported by Terminal on one line, with its exit code;
        // the host's own log of it would add a stack trace to stderr.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // Marten logs a failed command (SQL and stack trace) and throws it on to the command, which reports it on one line.
        builder.Logging.AddFilter("Marten.IDocumentStore", LogLevel.None);
        builder.Services.AddNegotiationStore(connectionString);
        builder.Services.AddNegotiationGrains();

        builder.UseOrleans(silo => silo.UseLocalSilo());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
