using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: finds the request's route, refuses a path whose route depends on who reads it
/// (<see cref="AmbiguousPath"/>, 400), forwards its id and strips client-supplied identity headers. The id and the
/// <see cref="GatewayFeature"/> come from the outer <see cref="Observability.DecisionRecordMiddleware"/>, so requests
/// no route matches have them too.</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes, ILogger<IngressMiddleware> logger)
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
        if (AmbiguousPath.HidesDotSegment(context.Request.Path.Value ?? "/"))
        {
            GatewayLog.AmbiguousPath(logger, requestId);
            feature.Outcome = GatewayOutcome.Denied;
            feature.Reason = "ambiguous_path";
            return ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", "The request path is ambiguous: it hides a '.' or '..' segment behind an encoded or unusual separator.");
        }

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList()) headers.Remove(name);
        return next(context);
    }

    /// <remarks>An underscore counts as a hyphen: CGI-style servers read <c>X_User_Id</c> as <c>X-User-Id</c>.</remarks>
    private static bool IsIdentityHeader(string name)
    {
        var normalized = name.Replace('_', '-');
        return IdentityHeaderPrefixes.Any(prefix => normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
