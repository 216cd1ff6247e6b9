using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portcullis.Gateway.Mcp.OAuth;

namespace Portcullis.Gateway.Observability;

/// <summary>Maps the gateway's own endpoints: <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and the MCP routes'
/// protected-resource metadata (<see cref="GatewayEndpointPaths"/>).</summary>
internal static class GatewayEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapGatewayEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(GatewayEndpointPaths.Health, GetAndHead, static context => WriteStatusAsync(context, StatusCodes.Status200OK, "ok", []));
        endpoints.MapMethods(GatewayEndpointPaths.Ready, GetAndHead, static context => WriteReadinessAsync(context, context.RequestServices.GetRequiredService<GatewayReadiness>()));
        endpoints.MapPrometheusScrapingEndpoint(GatewayEndpointPaths.Metrics);
        endpoints.MapProtectedResourceMetadata();
        return endpoints;
    }

    /// <summary>Answers 200 <c>{"status":"ready"}</c>, or 503 <c>{"status":"not_ready","not_ready":[...]}</c>.</summary>
    public static Task WriteReadinessAsync(HttpContext context, GatewayReadiness readiness)
    {
        var missing = readiness.NotReady();
        return missing.Count == 0
            ? WriteStatusAsync(context, StatusCodes.Status200OK, "ready", missing)
            : WriteStatusAsync(context, StatusCodes.Status503ServiceUnavailable, "not_ready", missing);
    }

    private static async Task WriteStatusAsync(HttpContext context, int status, string word, IReadOnlyList<string> notReady)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        var writer = new Utf8JsonWriter(response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("status", word);
            if (notReady.Count > 0)
            {
                writer.WriteStartArray("not_ready");
                foreach (var item in notReady) writer.WriteStringValue(item);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
