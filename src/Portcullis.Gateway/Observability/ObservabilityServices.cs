using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Portcullis.Gateway.Observability;

/// <summary>Registers decision records, metrics (OpenTelemetry, Prometheus exporter), traces and readiness;
/// <see cref="Pipeline.GatewayPipeline.AddGateway"/> calls it.</summary>
internal static class ObservabilityServices
{
    /// <summary>The standard OpenTelemetry variable naming the OTLP collector; traces are exported only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddGatewayObservability(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<DecisionRecorder>();
        services.TryAddSingleton<GatewayReadiness>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, LoggerDecisionRecordSink>());
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GatewayMetrics.MeterName)
            // Every scrape sees the counts as they are (the exporter would otherwise serve a cached copy).
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(GatewayTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }
        return services;
    }
}
