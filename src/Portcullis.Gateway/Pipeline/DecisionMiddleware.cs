using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Decisions;
using Portcullis.Gateway.Mapping;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Third stage: maps the request to AuthZEN, takes the decision from the cache or the route's PDP, and
/// answers 403 or 503 (problem+json) unless allowed.</summary>
/// <remarks>Fails closed by default: a PDP that is unavailable or fails yields 503 with <c>Retry-After</c> and nothing
/// is forwarded. A route with <c>failure_mode: open</c> forwards instead, marks the request fail-open and logs a
/// warning. A mapping failure is the caller's or the configuration's problem, not the PDP's: 403 in both modes.</remarks>
internal sealed class DecisionMiddleware(RequestDelegate next, DecisionCache cache, ILogger<DecisionMiddleware> logger)
{
    private const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var route = feature.Route!;
        // Anonymous routes are not decided (MCP routes never reach this stage: the MCP stage decides them).
        if (route.Config.Anonymous)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var facts = GatewayRequestFacts.From(context, feature);
        feature.Facts = facts;
        var mapped = AuthZenRequestBuilder.Build(route.Config.AuthZen, CallerClaimsCache.For(feature.Caller!), facts);
        if (!mapped.Succeeded)
        {
            GatewayLog.MappingFailed(logger, feature.RequestId, mapped.Failure.ToString());
            await DenyAsync(context, feature, MappingFailure.Reason).ConfigureAwait(false);
            return;
        }

        feature.Pdp = route.PdpName;
        var ttl = route.Config.DecisionCacheTtl;
        var key = ttl > TimeSpan.Zero ? new DecisionCacheKey(route.PdpIdentity, CanonicalRequestKey.For(mapped.Request)) : default;
        // The embedded PDP's snapshot is its policy version: a reload makes older cached decisions unusable.
        var policyVersion = (route.Pdp as EmbeddedPdp)?.Snapshot;
        bool allowed;
        if (ttl > TimeSpan.Zero && cache.TryGet(key, ttl, out allowed, policyVersion))
        {
            feature.CacheHit = true;
        }
        else
        {
            var (decision, failure, error) = await AskPdpAsync(context, feature, route.Pdp!, mapped.Request).ConfigureAwait(false);
            if (decision is not { } answer)
            {
                await PdpFailedAsync(context, feature, failure, error).ConfigureAwait(false);
                return;
            }
            allowed = answer;
            if (ttl > TimeSpan.Zero) cache.Set(key, allowed, ttl, policyVersion);
        }

        if (!allowed)
        {
            await DenyAsync(context, feature, "denied").ConfigureAwait(false);
            return;
        }
        feature.Outcome = GatewayOutcome.Allowed;
        feature.Reason = "allowed";
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Asks the PDP; returns its decision, or null with what went wrong (never throws, except for the
    /// caller's own cancellation). The time spent is added to <see cref="GatewayFeature.PdpTime"/>.</summary>
    internal static async Task<(bool? Decision, string Failure, Exception? Error)> AskPdpAsync(HttpContext context, GatewayFeature feature, IAuthZenPdp pdp, EvaluationRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await EvaluateAsync(pdp, request, feature.RequestId, context.RequestAborted).ConfigureAwait(false);
            return (response.Decision, "", null);
        }
        catch (PdpUnavailableException e)
        {
            return (null, e.Kind.ToString(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Whatever went wrong inside the PDP, it is not an allow.
            return (null, "Failed", e);
        }
        finally
        {
            feature.PdpTime += Stopwatch.GetElapsedTime(started);
        }
    }

    private static ValueTask<EvaluationResponse> EvaluateAsync(IAuthZenPdp pdp, EvaluationRequest request, string requestId, CancellationToken cancellationToken) =>
        pdp is AuthZenHttpClient client
            ? client.EvaluateAsync(request, requestId, cancellationToken)
            : pdp.EvaluateAsync(request, cancellationToken);

    private Task PdpFailedAsync(HttpContext context, GatewayFeature feature, string failure, Exception? error)
    {
        var route = feature.Route!;
        if (route.Config.FailureMode == FailureMode.Open)
        {
            GatewayLog.FailOpen(logger, feature.RequestId, route.Config.Id, failure, error);
            feature.FailOpen = true;
            feature.Outcome = GatewayOutcome.Allowed;
            feature.Reason = "fail_open";
            return next(context);
        }
        if (error is null) GatewayLog.PdpUnavailable(logger, feature.RequestId, failure);
        else GatewayLog.PdpFailed(logger, feature.RequestId, error);
        feature.Outcome = GatewayOutcome.Unavailable;
        feature.Reason = "pdp_unavailable";
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The authorization service is unavailable; try again later.");
    }

    private static Task DenyAsync(HttpContext context, GatewayFeature feature, string reason)
    {
        feature.Outcome = GatewayOutcome.Denied;
        feature.Reason = reason;
        return ProblemResponse.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The request is not allowed.");
    }
}
