using System.Globalization;
using Portcullis.Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Turns gateway routes into YARP routes and clusters: one cluster per route, one destination (its upstream).</summary>
internal static class GatewayProxyConfig
{
    /// <summary>The YARP route metadata key holding the configuration generation the route was built from, so the
    /// ingress stage pairs a matched YARP route with the gateway route of the same generation.</summary>
    public const string GenerationKey = "portcullis.generation";

    /// <summary>The YARP route metadata key present (value <c>true</c>) on MCP routes, whose responses the MCP response
    /// filter reads; other routes get no response transform at all.</summary>
    public const string McpKey = "portcullis.mcp";

    public static IReadOnlyList<RouteConfig> Routes(GatewayConfig config, long generation) =>
        [.. config.Routes.Select(route => new RouteConfig
        {
            RouteId = route.Id,
            ClusterId = route.Id,
            Match = new RouteMatch
            {
                Path = route.Path,
                Methods = MatchedMethods(route),
            },
            Metadata = Metadata(route, generation),
        })];

    /// <summary>Returns whether a YARP route was built from an MCP route.</summary>
    public static bool IsMcp(RouteConfig route) => route.Metadata?.ContainsKey(McpKey) == true;

    private static Dictionary<string, string> Metadata(GatewayRouteConfig route, long generation)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [GenerationKey] = generation.ToString(CultureInfo.InvariantCulture),
        };
        if (route.Mcp is not null) metadata[McpKey] = "true";
        return metadata;
    }

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
            HttpRequest = route.UpstreamHttpVersion is { } version
                ? new ForwarderRequestConfig { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact }
                : null,
        })];

    /// <summary>Reads the generation a YARP route was built from; -1 when it carries none.</summary>
    public static long Generation(RouteConfig route) =>
        route.Metadata is { } metadata && metadata.TryGetValue(GenerationKey, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? generation
            : -1;
}
