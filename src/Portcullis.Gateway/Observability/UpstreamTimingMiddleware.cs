using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>The last stage before YARP's forwarder: sets <see cref="GatewayFeature.UpstreamTime"/> to the time from
/// forwarding until the response starts (the upstream's headers arrived, or YARP answered 502/504 for it).</summary>
internal sealed class UpstreamTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (feature, started) = ((GatewayFeature, long))state;
            feature.UpstreamTime = Stopwatch.GetElapsedTime(started);
            return Task.CompletedTask;
        }, (GatewayFeature.Of(context), Stopwatch.GetTimestamp()));
        return next(context);
    }
}
