using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Grains;
using NegotiationTracker.Projections;

namespace NegotiationTracker.Hosting.EventStore;

public static class EventStoreServices
{
    /// <summary>
    /// Marten as the event store and read-model database, with its schema brought up to date when the host starts.
    /// The async daemon runs in Solo mode for single-process hosts (the CLI, tests). A multi-node server passes
    /// <see cref="DaemonMode.Disabled"/> and lets Wolverine distribute the projections; never HotCold (see docs/architecture.md).
    /// </summary>
    public static IServiceCollection AddNegotiationStore(this IServiceCollection services, string connectionString, DaemonMode daemon = DaemonMode.Solo, string schema = NegotiationStore.DefaultSchema)
    {
        services.AddSingleton<IConfigureMarten, RecordedEvents>();
        services.AddSingleton<IConfigureMarten, ReadModels>();
        var marten = services.AddMarten(options => NegotiationStore.ConfigureHost(options, connectionString, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        if (daemon != DaemonMode.Disabled)
        {
            marten.AddAsyncDaemon(daemon);
        }

        return services;
    }
}
