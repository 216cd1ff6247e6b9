using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Stage between ingress and authentication, on routes with <c>cors</c> only: answers CORS preflights itself
/// (204, no token, no PDP, nothing forwarded) and puts the CORS headers on every other response of the route — 401,
/// 403 and 503 included, so a browser script can read the error. The rules are ASP.NET Core's <see cref="ICorsService"/>:
/// an origin that is not allowed gets no <c>Access-Control-Allow-*</c> header at all; a method or request header that
/// is not allowed is left out of the lists, and the browser refuses.</summary>
/// <remarks>On a CORS route the gateway is the only source of CORS headers: the upstream's are removed.
/// Spec: https://fetch.spec.whatwg.org/#http-cors-protocol.</remarks>
internal sealed class CorsMiddleware(RequestDelegate next, ICorsService cors)
{
    private static readonly string[] CorsResponseHeaders =
    [
        HeaderNames.AccessControlAllowOrigin, HeaderNames.AccessControlAllowCredentials, HeaderNames.AccessControlAllowMethods,
        HeaderNames.AccessControlAllowHeaders, HeaderNames.AccessControlExposeHeaders, HeaderNames.AccessControlMaxAge,
    ];

    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        if (feature.Route!.CorsPolicy is not { } policy) return next(context);
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            if (request.Headers.ContainsKey(HeaderNames.Origin) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
                return PreflightAsync(context, feature, policy);
            if (!AcceptsOptions(feature.Route.Config.Methods)) return MethodNotAllowedAsync(context, feature);
        }
        if (request.Headers.ContainsKey(HeaderNames.Origin))
        {
            var result = cors.EvaluatePolicy(context, policy);
            context.Response.OnStarting(static state =>
            {
                var (service, result, response) = ((ICorsService, CorsResult, HttpResponse))state;
                foreach (var name in CorsResponseHeaders) response.Headers.Remove(name);
                service.ApplyResult(result, response);
                return Task.CompletedTask;
            }, (cors, result, context.Response));
        }
        return next(context);
    }

    private Task PreflightAsync(HttpContext context, GatewayFeature feature, CorsPolicy policy)
    {
        var result = cors.EvaluatePolicy(context, policy);
        cors.ApplyResult(result, context.Response);
        feature.Outcome = GatewayOutcome.Preflight;
        feature.Reason = Accepted(context.Request, result, policy) ? "preflight" : "preflight_refused";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Returns whether the browser will go on with the request: origin, method and every requested header allowed.</summary>
    private static bool Accepted(HttpRequest request, CorsResult result, CorsPolicy policy)
    {
        if (!result.IsOriginAllowed) return false;
        var method = request.Headers.AccessControlRequestMethod.ToString();
        if (!policy.AllowAnyMethod && !policy.Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) return false;
        if (policy.AllowAnyHeader) return true;
        var requested = request.Headers.AccessControlRequestHeaders.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return requested.All(h => policy.Headers.Contains(h, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A route restricted to some methods matches OPTIONS only so preflights reach this stage (see
    /// <see cref="GatewayProxyConfig"/>); a plain OPTIONS is then refused as the router would have.</summary>
    private static bool AcceptsOptions(IReadOnlyList<string> methods) => methods.Count == 0 || methods.Contains(HttpMethods.Options);

    private static Task MethodNotAllowedAsync(HttpContext context, GatewayFeature feature)
    {
        feature.Outcome = GatewayOutcome.Denied;
        feature.Reason = "method_not_allowed";
        context.Response.Headers.Allow = string.Join(", ", feature.Route!.Config.Methods);
        return ProblemResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", "The route does not accept this method.");
    }
}
