using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Second stage: authenticates the bearer token; 401 with an RFC 6750 challenge on failure. Anonymous routes skip it.</summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, GatewayServices services, ILogger<AuthenticationMiddleware> logger)
{
    /// <summary>How long a client should wait before retrying when the issuer is unavailable, in seconds.</summary>
    private const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        if (feature.Route!.Config.Anonymous)
        {
            feature.Outcome = GatewayOutcome.Anonymous;
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var result = await services.Authenticator!.AuthenticateAsync(context.Request.Headers.Authorization, context.RequestAborted).ConfigureAwait(false);
        feature.AuthenticationTime = Stopwatch.GetElapsedTime(started);
        if (result.Succeeded)
        {
            feature.Caller = result.Caller;
            await next(context).ConfigureAwait(false);
            return;
        }

        if (result.Failure.Kind == AuthenticationFailureKind.IssuerUnavailable)
        {
            GatewayLog.IssuerUnavailable(logger, feature.RequestId);
            feature.Outcome = GatewayOutcome.Unavailable;
            feature.Reason = "issuer_unavailable";
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The token could not be verified right now; try again later.").ConfigureAwait(false);
            return;
        }

        feature.Outcome = GatewayOutcome.Unauthenticated;
        feature.Reason = result.Failure.Kind == AuthenticationFailureKind.Missing ? "token_missing" : "token_invalid";
        context.Response.Headers.WWWAuthenticate = BearerChallenge.Format(result.Failure);
        await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "A valid bearer token is required.").ConfigureAwait(false);
    }
}
