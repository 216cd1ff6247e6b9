using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mcp.OAuth;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Second stage: authenticates the bearer token; 401 with an RFC 6750 challenge on failure. Anonymous routes
/// skip it. On MCP routes (<c>mcp:</c>) the challenge also names the RFC 9728 metadata and the scopes, the token's
/// audience must name the route's resource (401 otherwise), and a token without the required scopes gets 403
/// <c>insufficient_scope</c>.</summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, GatewayServices services, ILogger<AuthenticationMiddleware> logger)
{
    /// <summary>How long a client should wait before retrying when the issuer is unavailable, in seconds.</summary>
    private const string RetryAfterSeconds = "5";

    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var route = feature.Route!.Config;
        if (route.Anonymous)
        {
            feature.Outcome = GatewayOutcome.Anonymous;
            return next(context);
        }

        var started = Stopwatch.GetTimestamp();
        var pending = services.Authenticator!.AuthenticateAsync(context.Request.Headers.Authorization, ConnectionTokenMemo.For(context), context.RequestAborted);
        // A cached token completes synchronously: go on without an async state machine.
        return pending.IsCompletedSuccessfully
            ? Continue(context, feature, route, pending.Result, started)
            : ContinueAsync(context, feature, route, pending, started);
    }

    private async Task ContinueAsync(HttpContext context, GatewayFeature feature, GatewayRouteConfig route, ValueTask<AuthenticationResult> pending, long started)
    {
        var result = await pending.ConfigureAwait(false);
        await Continue(context, feature, route, result, started).ConfigureAwait(false);
    }

    private Task Continue(HttpContext context, GatewayFeature feature, GatewayRouteConfig route, AuthenticationResult result, long started)
    {
        feature.AuthenticationTime = Stopwatch.GetElapsedTime(started);
        if (result.Succeeded)
        {
            if ((route.Mcp is not null ? McpAudience.Check(result.Caller, route) : McpAudience.CheckNotOnlyForMcp(result.Caller, services.McpResourceIds)) is { } wrongResource)
            {
                return ChallengeAsync(context, feature, wrongResource, route);
            }
            feature.Caller = result.Caller;
            if (route.Mcp is { } mcp && McpScopes.Missing(result.Caller, mcp).Count > 0)
            {
                feature.Outcome = GatewayOutcome.Denied;
                feature.Reason = "insufficient_scope";
                context.Response.Headers.WWWAuthenticate = McpChallenge.InsufficientScope(mcp);
                return ProblemResponse.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The token lacks a scope this MCP server requires.");
            }
            return next(context);
        }

        if (result.Failure.Kind == AuthenticationFailureKind.IssuerUnavailable)
        {
            GatewayLog.IssuerUnavailable(logger, feature.RequestId);
            feature.Outcome = GatewayOutcome.Unavailable;
            feature.Reason = "issuer_unavailable";
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The token could not be verified right now; try again later.");
        }

        return ChallengeAsync(context, feature, result.Failure, route);
    }

    private static Task ChallengeAsync(HttpContext context, GatewayFeature feature, AuthenticationFailure failure, GatewayRouteConfig route)
    {
        feature.Outcome = GatewayOutcome.Unauthenticated;
        feature.Reason = failure.Kind == AuthenticationFailureKind.Missing ? "token_missing" : "token_invalid";
        context.Response.Headers.WWWAuthenticate = route.Mcp is { } mcp ? McpChallenge.Unauthorized(failure, mcp) : BearerChallenge.Format(failure);
        return ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "A valid bearer token is required.");
    }
}
