using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Configuration;

/// <summary>The gateway's configuration (<c>portcullis.yaml</c>): routes, trusted issuers and the embedded PDP's folders.</summary>
public sealed record GatewayConfig
{
    /// <summary>Gets the routes, in configuration order.</summary>
    public required IReadOnlyList<GatewayRouteConfig> Routes { get; init; }

    /// <summary>Gets the trusted token issuers. Defaults to none (then every route must be anonymous).</summary>
    public IReadOnlyList<JwtIssuerConfig> Issuers { get; init; } = [];

    /// <summary>Gets the embedded PDP's policy folder; required when a route uses the embedded PDP. Defaults to null.</summary>
    public string? PoliciesPath { get; init; }

    /// <summary>Gets the embedded PDP's directory (entity) folder. Defaults to null.</summary>
    public string? DirectoryPath { get; init; }
}
