using Microsoft.AspNetCore.Http;

namespace Portcullis.Gateway.Observability;

/// <summary>The gateway's own endpoints. They are not proxied, get no decision record, and no route may use their paths.</summary>
public static class GatewayEndpointPaths
{
    /// <summary>Liveness: 200 while the process runs.</summary>
    public const string Health = "/healthz";

    /// <summary>Readiness: 200 when the gateway can decide, 503 with what is not ready otherwise.</summary>
    public const string Ready = "/readyz";

    /// <summary>Prometheus metrics (text exposition format).</summary>
    public const string Metrics = "/metrics";

    /// <summary>RFC 9728 protected-resource metadata of the MCP routes: this path and every path below it
    /// (<c>/.well-known/oauth-protected-resource/mcp</c>); see <see cref="Mcp.OAuth.ProtectedResourceCatalog"/>.</summary>
    public const string ProtectedResourceMetadata = Mcp.OAuth.McpResourceUri.WellKnownPrefix;

    /// <summary>Gets the reserved paths.</summary>
    public static IReadOnlyList<string> All { get; } = [Health, Ready, Metrics, ProtectedResourceMetadata];

    /// <summary>Returns true when <paramref name="path"/> is one of the gateway's endpoints (any case, optional trailing
    /// slash; any path below the protected-resource metadata prefix).</summary>
    public static bool IsGatewayEndpoint(PathString path) =>
        IsPath(path, Health) || IsPath(path, Ready) || IsPath(path, Metrics)
        || path.StartsWithSegments(ProtectedResourceMetadata, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns true when a route template would collide with one of the gateway's endpoints: the same path
    /// or a path below it (case-insensitive, as routing is).</summary>
    public static bool CollidesWithRouteTemplate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var reserved in All)
        {
            if (template.StartsWith(reserved, StringComparison.OrdinalIgnoreCase)
                && (template.Length == reserved.Length || template[reserved.Length] == '/')) return true;
        }
        return false;
    }

    private static bool IsPath(PathString path, string reserved) =>
        path.StartsWithSegments(reserved, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest.Value == "/");
}
