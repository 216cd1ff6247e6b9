using Microsoft.AspNetCore.Builder;

namespace Portcullis.Gateway.Observability;

/// <summary>Adds the observability middleware to the application pipeline; <see cref="Pipeline.GatewayPipeline.MapGateway"/> calls it.</summary>
internal static class ObservabilityStages
{
    /// <summary>Adds the outer middleware that gives each request its id and feature and writes its decision record.</summary>
    public static IApplicationBuilder UseDecisionRecords(this IApplicationBuilder app) => app.UseMiddleware<DecisionRecordMiddleware>();
}
