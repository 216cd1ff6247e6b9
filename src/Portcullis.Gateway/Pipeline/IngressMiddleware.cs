using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: gives the request an id, finds its route and strips client-supplied identity headers
/// (<c>identity_headers.strip</c>, default <c>X-User-*</c> and <c>X-Tenant-*</c>, and every injected header name).</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes, GatewayServices services, TimeProvider time)
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    private const int MaxRequestIdLength = 128;

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = ValidRequestId(context.Request.Headers[RequestIdHeader]) ?? Guid.NewGuid().ToString("N");
        var feature = new GatewayFeature(requestId, time.GetUtcNow());
        context.Features.Set(feature);
        context.Features.Set<IGatewayFeature>(feature);
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        feature.Route = routes.Find(routeId) ?? throw new InvalidOperationException($"route '{routeId}' is not in the gateway's route table");

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        var identity = IdentityHeaderRules.For(services.Config.IdentityHeaders);
        foreach (var name in headers.Keys.Where(identity.ShouldStrip).ToList()) headers.Remove(name);
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[RequestIdHeader] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));
        return next(context);
    }

    /// <summary>Returns the single incoming id when it is 1 to 128 characters of letters, digits, <c>-</c>, <c>_</c>,
    /// <c>.</c> or <c>:</c>; anything else is replaced, so the id is safe to log and to forward.</summary>
    private static string? ValidRequestId(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxRequestIdLength } id) return null;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':')) return null;
        }
        return id;
    }
}
