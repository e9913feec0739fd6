using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace NegotiationTracker.Grains;

public static class OrleansContracts
{
    /// <summary>
    /// Domain commands, events and write models cross grain calls as JSON, so the Domain project stays free of Orleans.
    /// Orleans' own contracts (Recording, CommandResult) keep their generated serializers.
    /// </summary>
    public static IServiceCollection AddNegotiationContracts(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("NegotiationTracker.Domain", StringComparison.Ordinal) == true));
}
