using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: gives the request an id, finds its route and strips client-supplied identity headers.</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes, TimeProvider time)
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>Prefixes of identity headers only the gateway may set.</summary>
    private static readonly string[] IdentityHeaderPrefixes = ["X-User-", "X-Tenant-"];

    private const int MaxRequestIdLength = 128;

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = ValidRequestId(context.Request.Headers[RequestIdHeader]) ?? Guid.NewGuid().ToString("N");
        var feature = new GatewayFeature(requestId, time.GetUtcNow());
        context.Features.Set(feature);
        context.Features.Set<IGatewayFeature>(feature);
        // The lease keeps the route (and its PDP client) of the configuration this request started with until the
        // response is over, even when a reload swaps the route table meanwhile.
        if (routes.Acquire(context.GetReverseProxyFeature().Route.Config) is not { } lease)
            return ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", "No route matches the request.");
        context.Response.RegisterForDispose(lease);
        feature.Route = lease.Route;

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList()) headers.Remove(name);
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[RequestIdHeader] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));
        return next(context);
    }

    private static bool IsIdentityHeader(string name) =>
        IdentityHeaderPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

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
