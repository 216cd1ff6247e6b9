using Portcullis.Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Turns gateway routes into YARP routes and clusters: one cluster per route, one destination (its upstream).</summary>
internal static class GatewayProxyConfig
{
    public static IReadOnlyList<RouteConfig> Routes(GatewayConfig config) =>
        [.. config.Routes.Select(route => new RouteConfig
        {
            RouteId = route.Id,
            ClusterId = route.Id,
            Match = new RouteMatch
            {
                Path = route.Path,
                Methods = route.Methods.Count == 0 ? null : route.Methods,
            },
        })];

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayConfig config) =>
        [.. config.Routes.Select(route => new ClusterConfig
        {
            ClusterId = route.Id,
            Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
            {
                ["upstream"] = new DestinationConfig { Address = route.Upstream.AbsoluteUri },
            },
        })];
}
