using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>The outermost gateway middleware (before routing): gives every request an id and its
/// <see cref="GatewayFeature"/>, and writes exactly one <see cref="DecisionRecord"/> once the response is done,
/// whether a route matched or not. The gateway's own endpoints (<see cref="GatewayEndpointPaths"/>) pass straight through.</summary>
/// <remarks>
/// <para>Status in the record: the status sent; <b>499</b> when the client went away before the response was complete
/// (as nginx logs it); <b>500</b> when a stage threw (the client gets a 500 problem, or a reset connection when the
/// response had already started; reason <c>internal_error</c>).</para>
/// <para>A request no route matches gets a 404 (405 for a known path with another method) problem response with its
/// request id, recorded with decision <c>no_route</c>.</para>
/// </remarks>
internal sealed class DecisionRecordMiddleware(RequestDelegate next, DecisionRecorder recorder, TimeProvider time, ILogger<DecisionRecordMiddleware> logger)
{
    /// <summary>The status recorded when the client closed the connection before the response was complete.</summary>
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        if (GatewayEndpointPaths.IsGatewayEndpoint(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var requestId = GatewayRequestId.FromHeader(context.Request.Headers[GatewayRequestId.Header]);
        var feature = new GatewayFeature(requestId, time.GetUtcNow());
        context.Features.Set(feature);
        context.Features.Set<IGatewayFeature>(feature);
        // The context as state: no closure and no boxed tuple per request.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var gateway = GatewayFeature.Of(http);
            http.Response.Headers[GatewayRequestId.Header] = gateway.RequestId;
            if (gateway.ForwardedAt != 0) gateway.UpstreamTime = Stopwatch.GetElapsedTime(gateway.ForwardedAt);
            return Task.CompletedTask;
        }, context);

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context).ConfigureAwait(false);
            if (feature.Route is null && !context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
            {
                await NoRouteAsync(context).ConfigureAwait(false);
            }
            status = context.Response.StatusCode;
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            ObservabilityLog.StageFailed(logger, requestId, e);
            feature.Reason ??= "internal_error";
            await FailAsync(context).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client is gone; there is nobody to answer. The record says so (499).
        }
        finally
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                status = ClientClosedRequest;
                feature.Reason ??= "client_closed";
            }
            var cacheLookup = feature.Route is { Config.DecisionCacheTtl.Ticks: > 0 } && (feature.CacheHit || feature.Pdp is not null || feature.PdpTime > TimeSpan.Zero);
            try
            {
                recorder.Write(DecisionRecordBuilder.Build(feature, context.Request, status, Stopwatch.GetElapsedTime(started)), cacheLookup);
            }
            finally
            {
                // The request is over (the forwarder has copied the whole response): its route may go.
                feature.Lease?.Dispose();
            }
        }
    }

    private static Task NoRouteAsync(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status404NotFound
            ? ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", "No route matches this path.")
            : ProblemResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", "The route does not accept this method.");

    private static async Task FailAsync(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        try
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error", "The gateway failed to handle the request.").ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while we answered.
        }
    }
}
