using System.Runtime.CompilerServices;
using Portcullis.AuthZen;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Mcp.Coaz;
using Portcullis.Gateway.Mcp.Discovery;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>An MCP route at run time: its COAZ-MCP mapper (default mappings compiled once), its list filter, and the
/// COAZ caller of each validated token.</summary>
internal sealed class McpRoute
{
    private readonly ConditionalWeakTable<Caller, McpCaller> _callers = [];
    private readonly GatewayRouteConfig _route;

    /// <summary>Creates the runtime of <paramref name="route"/>, whose PDP is <paramref name="pdp"/>.</summary>
    public McpRoute(GatewayRouteConfig route, IAuthZenPdp pdp)
    {
        ArgumentNullException.ThrowIfNull(route);
        _route = route;
        Config = route.Mcp ?? throw new ArgumentException("The route has no mcp block.", nameof(route));
        Mapper = new CoazMapper(Config, Config.ConfiguredToolsCall);
        Lists = new ListFilter(pdp);
        // Declared mappings belong to the server behind the route: a reload pointing the route elsewhere starts afresh.
        UpstreamId = route.Id + " " + route.Upstream.AbsoluteUri;
    }

    /// <summary>Gets the route's MCP settings.</summary>
    public McpRouteConfig Config { get; }

    /// <summary>Gets the COAZ-MCP mapper.</summary>
    public CoazMapper Mapper { get; }

    /// <summary>Gets the per-caller list filter.</summary>
    public ListFilter Lists { get; }

    /// <summary>Gets the key of the upstream's declared mappings in <see cref="McpDeclaredMappings"/>.</summary>
    public string UpstreamId { get; }

    /// <summary>Returns the MCP view of <paramref name="caller"/>, built once per validated token.</summary>
    public McpCaller CallerFor(Caller caller) =>
        _callers.TryGetValue(caller, out var known) ? known
            : _callers.GetValue(caller, c =>
            {
                var claims = CallerClaimsCache.For(c);
                return new McpCaller(CoazCaller.Create(claims, Config), McpSubjectProperties.For(_route, claims));
            });
}

/// <summary>A validated token as the MCP stage uses it.</summary>
/// <param name="Coaz">The caller as COAZ-MCP mappings read it.</param>
/// <param name="SubjectProperties">The subject properties the route adds to every request (<see cref="McpSubjectProperties"/>), or null.</param>
internal sealed record McpCaller(CoazCaller Coaz, System.Text.Json.JsonElement? SubjectProperties);
