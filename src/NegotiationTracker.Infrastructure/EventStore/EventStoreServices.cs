using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationTracker.Infrastructure.EventStore;

public static class EventStoreServices
{
    /// <summary>
    /// Marten as the event store and read-model database, with its schema brought up to date when the host starts.
    /// The async daemon runs in Solo mode for single-process hosts (the CLI, tests). A multi-node server passes
    /// <see cref="DaemonMode.Disabled"/> and lets Wolverine distribute the projections; never HotCold (see README).
    /// </summary>
    public static IServiceCollection AddNegotiationStore(this IServiceCollection services, string connectionString, DaemonMode daemon = DaemonMode.Solo, string schema = NegotiationStore.DefaultSchema)
    {
        var marten = services.AddMarten(options => NegotiationStore.Configure(options, connectionString, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        if (daemon != DaemonMode.Disabled)
        {
            marten.AddAsyncDaemon(daemon);
        }

        return services;
    }
}
