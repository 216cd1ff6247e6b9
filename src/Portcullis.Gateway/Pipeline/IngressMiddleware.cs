using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: finds the request's route, forwards its id and strips client-supplied identity headers. The id
/// and the <see cref="GatewayFeature"/> come from the outer <see cref="Observability.DecisionRecordMiddleware"/>, so
/// requests no route matches have them too.</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes)
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = Observability.GatewayRequestId.Header;

    /// <summary>Prefixes of identity headers only the gateway may set.</summary>
    private static readonly string[] IdentityHeaderPrefixes = ["X-User-", "X-Tenant-"];

    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var requestId = feature.RequestId;
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        feature.Route = routes.Find(routeId) ?? throw new InvalidOperationException($"route '{routeId}' is not in the gateway's route table");

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList()) headers.Remove(name);
        return next(context);
    }

    private static bool IsIdentityHeader(string name) =>
        IdentityHeaderPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
