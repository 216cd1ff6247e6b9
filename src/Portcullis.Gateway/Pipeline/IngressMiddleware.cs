using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: finds the request's route, refuses a path whose route depends on who reads it
/// (<see cref="AmbiguousPath"/>, 400), forwards its id and strips client-supplied identity headers
/// (<c>identity_headers.strip</c>, default <c>X-User-*</c> and <c>X-Tenant-*</c>, and every injected header name). The id and the
/// <see cref="GatewayFeature"/> come from the outer <see cref="Observability.DecisionRecordMiddleware"/>, so requests
/// no route matches have them too.</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes, GatewayServices services, ILogger<IngressMiddleware> logger)
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = Observability.GatewayRequestId.Header;

    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var requestId = feature.RequestId;
        // The lease keeps the route (and its PDP client) of the configuration this request started with until the
        // response is over, even when a reload swaps the route table meanwhile.
        if (routes.Acquire(context.GetReverseProxyFeature().Route.Config) is not { } lease)
            return ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", "No route matches the request.");
        // Released by the record middleware once the request is over (cheaper than Kestrel's dispose-on-completion).
        feature.Lease = lease;
        feature.Route = lease.Route;
        if (AmbiguousPath.HidesDotSegment(context.Request.Path.Value ?? "/"))
        {
            GatewayLog.AmbiguousPath(logger, requestId);
            feature.Outcome = GatewayOutcome.Denied;
            feature.Reason = "ambiguous_path";
            return ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", "The request path is ambiguous: it hides a '.' or '..' segment behind an encoded or unusual separator.");
        }

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        var identity = IdentityHeaderRules.For(services.Config.IdentityHeaders);
        List<string>? strip = null;
        foreach (var header in headers)
        {
            if (identity.ShouldStrip(header.Key)) (strip ??= []).Add(header.Key);
        }
        if (strip is not null)
        {
            foreach (var name in strip) headers.Remove(name);
        }
        return next(context);
    }
}
