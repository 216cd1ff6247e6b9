using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Mapping;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Third stage: maps the request to AuthZEN, asks the route's PDP and answers 403 or 503 (problem+json) unless allowed.</summary>
/// <remarks>Fails closed: a PDP that is unavailable or fails yields 503 with <c>Retry-After</c> and nothing is forwarded.</remarks>
internal sealed class DecisionMiddleware(RequestDelegate next, ILogger<DecisionMiddleware> logger)
{
    private const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var route = feature.Route!;
        if (route.Config.Anonymous)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var facts = Facts(context, feature);
        feature.Facts = facts;
        var mapped = AuthZenRequestBuilder.Build(route.Config.AuthZen, CallerClaims.FromClaims(feature.Caller!.Claims), facts);
        if (!mapped.Succeeded)
        {
            GatewayLog.MappingFailed(logger, feature.RequestId, mapped.Failure.ToString());
            await DenyAsync(context, feature, MappingFailure.Reason).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        EvaluationResponse response;
        try
        {
            response = await EvaluateAsync(route.Pdp!, mapped.Request, feature.RequestId, context.RequestAborted).ConfigureAwait(false);
        }
        catch (PdpUnavailableException e)
        {
            GatewayLog.PdpUnavailable(logger, feature.RequestId, e.Kind.ToString());
            await UnavailableAsync(context, feature).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Fail closed whatever went wrong inside the PDP: nothing is forwarded without an allow.
            GatewayLog.PdpFailed(logger, feature.RequestId, e);
            await UnavailableAsync(context, feature).ConfigureAwait(false);
            return;
        }
        finally
        {
            feature.PdpTime = Stopwatch.GetElapsedTime(started);
        }

        if (!response.Decision)
        {
            await DenyAsync(context, feature, "denied").ConfigureAwait(false);
            return;
        }

        feature.Outcome = GatewayOutcome.Allowed;
        feature.Reason = "allowed";
        await next(context).ConfigureAwait(false);
    }

    private static ValueTask<EvaluationResponse> EvaluateAsync(IAuthZenPdp pdp, EvaluationRequest request, string requestId, CancellationToken cancellationToken) =>
        pdp is AuthZenHttpClient client
            ? client.EvaluateAsync(request, requestId, cancellationToken)
            : pdp.EvaluateAsync(request, cancellationToken);

    private static Task DenyAsync(HttpContext context, GatewayFeature feature, string reason)
    {
        feature.Outcome = GatewayOutcome.Denied;
        feature.Reason = reason;
        return ProblemResponse.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The request is not allowed.");
    }

    private static Task UnavailableAsync(HttpContext context, GatewayFeature feature)
    {
        feature.Outcome = GatewayOutcome.Unavailable;
        feature.Reason = "pdp_unavailable";
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The authorization service is unavailable; try again later.");
    }

    private static RequestFacts Facts(HttpContext context, GatewayFeature feature)
    {
        var request = context.Request;
        var routeParams = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is not null) routeParams[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query) query[key] = [.. values.Select(v => v ?? "")];
        return new RequestFacts
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            RouteTemplate = context.GetReverseProxyFeature().Route.Config.Match.Path ?? feature.Route!.Config.Path,
            RouteParams = routeParams,
            Host = request.Host.Value ?? "",
            Query = query,
            Headers = RequestFacts.SelectHeaders(request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))),
            ClientIp = context.Connection.RemoteIpAddress?.ToString(),
            Time = feature.ReceivedAt,
            RequestId = feature.RequestId,
        };
    }
}
