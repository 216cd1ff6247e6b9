using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Configuration;

/// <summary>One gateway route: which requests it matches, where they go and how they are authorized.</summary>
public sealed record GatewayRouteConfig
{
    /// <summary>Gets the route id (unique).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the ASP.NET Core route template, e.g. <c>/todos/{todoId}</c>; it is the default AuthZEN resource id.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the HTTP methods matched. Defaults to empty: every method.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Gets the upstream base address the request is forwarded to.</summary>
    public required Uri Upstream { get; init; }

    /// <summary>Gets a value indicating whether the route skips authentication and authorization. Defaults to false.</summary>
    public bool Anonymous { get; init; }

    /// <summary>Gets a value indicating whether the <c>Authorization</c> header is removed before the upstream. Defaults to false.</summary>
    public bool RemoveAuthorization { get; init; }

    /// <summary>Gets the AuthZEN mapping. Defaults to <see cref="AuthZenMappingConfig.Default"/>.</summary>
    public AuthZenMappingConfig AuthZen { get; init; } = AuthZenMappingConfig.Default;

    /// <summary>Gets how long an allow or deny for the same canonical AuthZEN request is reused (<c>decision_cache_ttl_seconds</c>).
    /// Defaults to zero: no caching. Errors are never cached.</summary>
    public TimeSpan DecisionCacheTtl { get; init; }

    /// <summary>Gets what happens when the PDP cannot answer (<c>failure_mode: closed | open</c>). Defaults to closed.</summary>
    public FailureMode FailureMode { get; init; } = FailureMode.Closed;

    /// <summary>Gets the route's CORS policy (<c>cors:</c>), or null: no CORS, a preflight needs a token like any request.</summary>
    public CorsConfig? Cors { get; init; }

    /// <summary>Gets the HTTP version spoken to the upstream (<c>upstream_http_version: "1.1" | "2"</c>), exactly; with
    /// <c>2</c> on an <c>http</c> upstream that is HTTP/2 with prior knowledge (h2c). Defaults to null: HTTP/2 when TLS
    /// negotiates it, HTTP/1.1 otherwise.</summary>
    public Version? UpstreamHttpVersion { get; init; }

    /// <summary>Gets the route's MCP settings (<c>mcp:</c>), or null for a REST route.</summary>
    public McpRouteConfig? Mcp { get; init; }
}
