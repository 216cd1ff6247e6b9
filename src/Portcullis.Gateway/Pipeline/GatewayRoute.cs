using Microsoft.AspNetCore.Cors.Infrastructure;
using Portcullis.AuthZen;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>A configured route at run time: its configuration and the PDP that decides it.</summary>
internal sealed record GatewayRoute(GatewayRouteConfig Config, IAuthZenPdp? Pdp)
{
    /// <summary>The name of the embedded PDP in <see cref="IGatewayFeature.Pdp"/> and decision records.</summary>
    public const string EmbeddedPdpName = "embedded";

    /// <summary>Gets which PDP decides, as records show it: <c>embedded</c> or the remote base address; null on an anonymous route.</summary>
    public string? PdpName { get; } = Config.Anonymous ? null
        : Config.AuthZen.Pdp.Host is { } host ? host.AbsoluteUri : EmbeddedPdpName;

    /// <summary>Gets the PDP's identity for the decision cache: its name, platform and store, so two PDPs never share an entry.</summary>
    public string PdpIdentity { get; } = Config.AuthZen.Pdp.Host is { } remote
        ? $"{Config.AuthZen.Pdp.Platform}|{remote.AbsoluteUri}|{Config.AuthZen.Pdp.StoreId}"
        : EmbeddedPdpName;

    /// <summary>Gets the version of the policies deciding now, for the decision cache: the embedded PDP's current
    /// snapshot (a reload makes older cached decisions unusable), or null for a remote PDP.</summary>
    public object? PolicyVersion => (Pdp as Portcullis.Pdp.Service.EmbeddedPdp)?.Snapshot;

    /// <summary>Gets whether the route's mapping can read the request's details (<see cref="Mapping.RequestDetailReads"/>),
    /// worked out once for the route rather than looked up per request.</summary>
    public bool ReadsRequestDetails { get; } = Mapping.RequestDetailReads.Of(Config.AuthZen);

    /// <summary>Gets whether the canonical keys of this route's requests may be remembered per caller
    /// (<see cref="Decisions.CanonicalKeyMemo.Applies"/>), worked out once for the route.</summary>
    public bool RemembersCanonicalKeys { get; } = Decisions.CanonicalKeyMemo.Applies(Config.AuthZen);

    /// <summary>Gets the route's CORS policy for <see cref="ICorsService"/>, or null when the route has no <c>cors</c>.</summary>
    public CorsPolicy? CorsPolicy { get; } = Config.Cors is { } cors ? GatewayCorsPolicy.From(cors, Config.Methods) : null;

    /// <summary>Gets the route's MCP runtime (mapper, list filter), or null when the route has no <c>mcp</c> block.</summary>
    public Mcp.Stage.McpRoute? Mcp { get; } = Config.Mcp is not null && Pdp is not null ? new Mcp.Stage.McpRoute(Config, Pdp) : null;
}
