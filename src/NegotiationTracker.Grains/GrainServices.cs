using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NegotiationTracker.Grains.Import;

namespace NegotiationTracker.Grains;

public static class GrainServices
{
    /// <summary>What a silo hosting the negotiation and party grains needs besides the event store.</summary>
    public static IServiceCollection AddNegotiationGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddNegotiationContracts();
        services.AddSingleton<ImportSeedFile>();
        services.AddSingleton<GroupCommit>();
        return services;
    }
}
