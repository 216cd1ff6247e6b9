using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>The last stage before YARP's forwarder: notes when the request is handed on
/// (<see cref="GatewayFeature.ForwardedAt"/>). <see cref="DecisionRecordMiddleware"/> sets
/// <see cref="GatewayFeature.UpstreamTime"/> from it when the response starts (the upstream's headers arrived, or YARP
/// answered 502/504 for it), in the one response-start callback each request has.</summary>
internal sealed class UpstreamTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        GatewayFeature.Of(context).ForwardedAt = Stopwatch.GetTimestamp();
        return next(context);
    }
}
