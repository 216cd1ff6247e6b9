using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: finds the request's route, forwards its id and strips client-supplied identity headers
/// (<c>identity_headers.strip</c>, default <c>X-User-*</c> and <c>X-Tenant-*</c>, and every injected header name). The id
/// and the <see cref="GatewayFeature"/> come from the outer <see cref="Observability.DecisionRecordMiddleware"/>, so
/// requests no route matches have them too.</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes, GatewayServices services)
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = Observability.GatewayRequestId.Header;

    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var requestId = feature.RequestId;
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        feature.Route = routes.Find(routeId) ?? throw new InvalidOperationException($"route '{routeId}' is not in the gateway's route table");

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        var identity = IdentityHeaderRules.For(services.Config.IdentityHeaders);
        foreach (var name in headers.Keys.Where(identity.ShouldStrip).ToList()) headers.Remove(name);
        return next(context);
    }
}
