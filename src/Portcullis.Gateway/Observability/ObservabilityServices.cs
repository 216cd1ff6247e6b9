using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Observability;

/// <summary>Registers decision records, metrics (OpenTelemetry, Prometheus exporter), traces and readiness;
/// <see cref="Pipeline.GatewayPipeline.AddGateway"/> calls it.</summary>
internal static class ObservabilityServices
{
    /// <summary>The standard OpenTelemetry variable naming the OTLP collector; traces are exported only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddGatewayObservability(this IServiceCollection services, DecisionRecordOutput output = DecisionRecordOutput.Log)
    {
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<DecisionRecorder>();
        services.TryAddSingleton<GatewayReadiness>();
        switch (output)
        {
            case DecisionRecordOutput.Log:
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, LoggerDecisionRecordSink>());
                break;
            case DecisionRecordOutput.Stdout:
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, JsonLinesDecisionRecordSink>(sp => new JsonLinesDecisionRecordSink(
                    null, sp.GetRequiredService<GatewayMetrics>(), sp.GetService<ILogger<JsonLinesDecisionRecordSink>>())));
                break;
        }
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
