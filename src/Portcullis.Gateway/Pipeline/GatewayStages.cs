using Microsoft.AspNetCore.Builder;
using Portcullis.Gateway.Observability;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Adds each gateway stage to YARP's proxy pipeline; <see cref="GatewayPipeline.MapGateway"/> calls them in order.</summary>
internal static class GatewayStages
{
    public static IReverseProxyApplicationBuilder UseIngress(this IReverseProxyApplicationBuilder proxy) => Use<IngressMiddleware>(proxy);

    public static IReverseProxyApplicationBuilder UseCorsPreflight(this IReverseProxyApplicationBuilder proxy) => Use<CorsMiddleware>(proxy);

    public static IReverseProxyApplicationBuilder UseTokenAuthentication(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseTracedStage<AuthenticationMiddleware>(GatewayTracing.Authenticate);
        return proxy;
    }

    public static IReverseProxyApplicationBuilder UseDecision(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseTracedStage<DecisionMiddleware>(GatewayTracing.Decide, static context => GatewayFeature.Of(context).Route!.Mcp is null);
        return proxy;
    }

    public static IReverseProxyApplicationBuilder UseMcp(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseTracedStage<Mcp.Stage.McpMiddleware>(GatewayTracing.Decide, static context => GatewayFeature.Of(context).Route!.Mcp is not null);
        return proxy;
    }

    public static IReverseProxyApplicationBuilder UseEnforcement(this IReverseProxyApplicationBuilder proxy) => Use<ForwardingMiddleware>(proxy);

    public static IReverseProxyApplicationBuilder UseUpstreamTiming(this IReverseProxyApplicationBuilder proxy) => Use<UpstreamTimingMiddleware>(proxy);

    private static IReverseProxyApplicationBuilder Use<T>(IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<T>();
        return proxy;
    }
}
