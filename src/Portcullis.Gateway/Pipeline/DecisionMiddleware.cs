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
internal sealed class DecisionMiddleware(RequestDelegate next, DecisionCache cache, GatewayServices services, ILogger<DecisionMiddleware> logger)
{
    private const string RetryAfterSeconds = "5";

    public Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var route = feature.Route!;
        // Anonymous routes are not decided (MCP routes never reach this stage: the MCP stage decides them).
        if (route.Config.Anonymous) return next(context);

        // Params, query and headers are copied only when the mapping or an injected identity header can read them.
        var inject = services.Config.IdentityHeaders.Inject;
        var details = route.ReadsRequestDetails || (inject.Count > 0 && RequestDetailReads.AnyExpression(inject.Values));
        var facts = GatewayRequestFacts.From(context, feature, details);
        feature.Facts = facts;
        var mapping = route.Config.AuthZen;
        var claims = CallerClaimsCache.For(feature.Caller!);
        var ttl = route.Config.DecisionCacheTtl;
        var policyVersion = route.PolicyVersion;
        var memo = ttl > TimeSpan.Zero && route.RemembersCanonicalKeys;
        if (memo && CanonicalKeyMemo.TryGet(claims, mapping, facts, out var remembered)
            && cache.TryGet(new DecisionCacheKey(route.PdpIdentity, remembered), ttl, out var hit, policyVersion))
        {
            // The same question as a request already mapped and decided: no need to build it again.
            feature.Pdp = route.PdpName;
            feature.CacheHit = true;
            return Decided(context, feature, hit);
        }

        var mapped = AuthZenRequestBuilder.Build(mapping, claims, facts);
        if (!mapped.Succeeded)
        {
            GatewayLog.MappingFailed(logger, feature.RequestId, mapped.Failure.ToString());
            return DenyAsync(context, feature, MappingFailure.Reason);
        }

        feature.Pdp = route.PdpName;
        var key = default(DecisionCacheKey);
        if (ttl > TimeSpan.Zero)
        {
            var canonical = CanonicalRequestKey.For(mapped.Request);
            if (memo) CanonicalKeyMemo.Add(claims, mapping, facts, canonical);
            key = new DecisionCacheKey(route.PdpIdentity, canonical);
        }
        if (ttl > TimeSpan.Zero && cache.TryGet(key, ttl, out var cached, policyVersion))
        {
            feature.CacheHit = true;
            return Decided(context, feature, cached);
        }

        // The embedded PDP usually answers synchronously: then no async state machine is needed either.
        var asked = AskPdpAsync(context, feature, route.Pdp!, mapped.Request);
        return asked.IsCompletedSuccessfully
            ? Answered(context, feature, asked.Result, key, ttl, policyVersion)
            : AnsweredAsync(context, feature, asked, key, ttl, policyVersion);
    }

    private async Task AnsweredAsync(HttpContext context, GatewayFeature feature, ValueTask<(bool? Decision, string Failure, Exception? Error)> asked, DecisionCacheKey key, TimeSpan ttl, object? policyVersion)
    {
        var answer = await asked.ConfigureAwait(false);
        await Answered(context, feature, answer, key, ttl, policyVersion).ConfigureAwait(false);
    }

    private Task Answered(HttpContext context, GatewayFeature feature, (bool? Decision, string Failure, Exception? Error) answer, DecisionCacheKey key, TimeSpan ttl, object? policyVersion)
    {
        if (answer.Decision is not { } allowed) return PdpFailedAsync(context, feature, answer.Failure, answer.Error);
        if (ttl > TimeSpan.Zero) cache.Set(key, allowed, ttl, policyVersion);
        return Decided(context, feature, allowed);
    }

    private Task Decided(HttpContext context, GatewayFeature feature, bool allowed)
    {
        if (!allowed) return DenyAsync(context, feature, "denied");
        feature.Outcome = GatewayOutcome.Allowed;
        feature.Reason = "allowed";
        return next(context);
    }

    /// <summary>Asks the PDP; returns its decision, or null with what went wrong (never throws, except for the
    /// caller's own cancellation). The time spent is added to <see cref="GatewayFeature.PdpTime"/>.</summary>
    internal static async ValueTask<(bool? Decision, string Failure, Exception? Error)> AskPdpAsync(HttpContext context, GatewayFeature feature, IAuthZenPdp pdp, EvaluationRequest request)
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
