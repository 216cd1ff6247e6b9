using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>First stage: gives the request an id, finds its route, refuses a path whose route depends on who reads it
/// (<see cref="AmbiguousPath"/>, 400) and strips client-supplied identity headers.</summary>
internal sealed class IngressMiddleware(RequestDelegate next, GatewayRouteTable routes, TimeProvider time, ILogger<IngressMiddleware> logger)
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
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        feature.Route = routes.Find(routeId) ?? throw new InvalidOperationException($"route '{routeId}' is not in the gateway's route table");

        var headers = context.Request.Headers;
        headers[RequestIdHeader] = requestId;
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList()) headers.Remove(name);
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[RequestIdHeader] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));
        if (AmbiguousPath.HidesDotSegment(context.Request.Path.Value ?? "/"))
        {
            GatewayLog.AmbiguousPath(logger, requestId);
            feature.Outcome = GatewayOutcome.Denied;
            feature.Reason = "ambiguous_path";
            return ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", "The request path is ambiguous: it hides a '.' or '..' segment behind an encoded or unusual separator.");
        }
        return next(context);
    }

    /// <remarks>An underscore counts as a hyphen: CGI-style servers read <c>X_User_Id</c> as <c>X-User-Id</c>.</remarks>
    private static bool IsIdentityHeader(string name)
    {
        var normalized = name.Replace('_', '-');
        return IdentityHeaderPrefixes.Any(prefix => normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
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
