using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Last stage before YARP forwards: refuses anything not decided, sets the configured identity headers from
/// the verified caller, and removes the <c>Authorization</c> header when the route asks for it (and on MCP routes
/// unless <c>mcp.pass_token</c> is true).</summary>
internal sealed class ForwardingMiddleware(RequestDelegate next, GatewayServices services, ILogger<ForwardingMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        if (feature.Outcome is not (GatewayOutcome.Allowed or GatewayOutcome.Anonymous))
        {
            // Defence in depth: a stage that forgot to answer must not let the request through.
            feature.Outcome = GatewayOutcome.Denied;
            feature.Reason = "not_decided";
            return ProblemResponse.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The request is not allowed.");
        }
        var inject = services.Config.IdentityHeaders.Inject;
        if (feature.Caller is not null && inject.Count > 0) IdentityHeaderInjector.Inject(context, feature, inject, logger);
        // MCP routes never pass the client's token on unless the route says so (MCP authorization: no token passthrough).
        var route = feature.Route!.Config;
        if (route.RemoveAuthorization || route.Mcp is { PassToken: false }) context.Request.Headers.Remove(HeaderNames.Authorization);
        return next(context);
    }
}
