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

    /// <summary>Gets the identity headers stripped and injected (<c>identity_headers:</c>). Defaults to <see cref="IdentityHeadersConfig.Default"/>.</summary>
    public IdentityHeadersConfig IdentityHeaders { get; init; } = IdentityHeadersConfig.Default;

    /// <summary>Gets the decision cache's bound in entries (<c>decision_cache.max_entries</c>). Defaults to 100,000.</summary>
    public int DecisionCacheMaxEntries { get; init; } = 100_000;

    /// <summary>Gets where decision records are written (<c>decision_records.output: stdout | log | none</c>). Defaults to stdout.</summary>
    public DecisionRecordOutput DecisionRecords { get; init; } = DecisionRecordOutput.Stdout;

    /// <summary>Gets the file this configuration was read from, or null (built in code); the gateway watches it for changes.</summary>
    public string? SourcePath { get; init; }
}
