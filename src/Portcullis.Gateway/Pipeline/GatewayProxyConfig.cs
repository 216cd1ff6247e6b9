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
                Methods = MatchedMethods(route),
            },
        })];

    /// <summary>Returns the methods YARP matches: the route's, plus OPTIONS on a CORS route so that preflights reach the
    /// gateway's CORS stage (which refuses any other OPTIONS there with 405); null for every method.</summary>
    private static IReadOnlyList<string>? MatchedMethods(GatewayRouteConfig route)
    {
        if (route.Methods.Count == 0) return null;
        if (route.Cors is null || route.Methods.Contains("OPTIONS")) return route.Methods;
        return [.. route.Methods, "OPTIONS"];
    }

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
