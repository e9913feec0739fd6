using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationTracker.Infrastructure.EventStore;

public static class EventStoreServices
{
    /// <summary>Marten as the event store and read-model database, with its schema brought up to date when the host starts.</summary>
    public static IServiceCollection AddNegotiationStore(this IServiceCollection services, string connectionString, string schema = NegotiationStore.DefaultSchema)
    {
        services.AddMarten(options => NegotiationStore.Configure(options, connectionString, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }
}
