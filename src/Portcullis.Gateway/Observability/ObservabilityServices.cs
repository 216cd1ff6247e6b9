using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portcullis.Gateway.Observability;

/// <summary>Registers decision records and metrics; <see cref="Pipeline.GatewayPipeline.AddGateway"/> calls it.</summary>
internal static class ObservabilityServices
{
    public static IServiceCollection AddGatewayObservability(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<DecisionRecorder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, LoggerDecisionRecordSink>());
        return services;
    }
}
