using System.Text.Json;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>The MCP route's audience rule: a token is accepted only when its <c>aud</c> names the route's resource
/// identifier (RFC 8707; MCP authorization 2025-11-25 "Token Audience Binding and Validation"). It runs after the
/// issuer's own audience check, which it does not replace: both must pass.</summary>
internal static class McpAudience
{
    /// <summary>The failure returned for a token issued for another resource.</summary>
    public static readonly AuthenticationFailure WrongResource =
        new(AuthenticationFailureKind.WrongAudience, "the token was not issued for this MCP server (its audience does not name the resource)");

    /// <summary>The failure returned on a route that is not an MCP route for a token issued only for MCP servers.</summary>
    public static readonly AuthenticationFailure IssuedForMcpServer =
        new(AuthenticationFailureKind.WrongAudience, "the token was issued for an MCP server, not for this API");

    /// <summary>Returns <see cref="IssuedForMcpServer"/> when every <c>aud</c> value of <paramref name="caller"/>'s token
    /// names one of <paramref name="mcpResources"/> (RFC 8707: a token for an MCP server is no key to the gateway's
    /// other routes, even when the issuer's audience list accepts it), else null.</summary>
    public static AuthenticationFailure? CheckNotOnlyForMcp(Caller caller, Uri[] mcpResources)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(mcpResources);
        if (mcpResources.Length == 0 || caller.Claims.ValueKind != JsonValueKind.Object || !caller.Claims.TryGetProperty("aud", out var audience)) return null;
        return audience.ValueKind switch
        {
            JsonValueKind.String => NamesAny(audience.GetString()!, mcpResources) ? IssuedForMcpServer : null,
            JsonValueKind.Array when audience.GetArrayLength() > 0 && audience.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String && NamesAny(a.GetString()!, mcpResources)) => IssuedForMcpServer,
            _ => null,
        };
    }

    private static bool NamesAny(string audience, Uri[] resources)
    {
        foreach (var resource in resources)
        {
            if (McpResourceUri.Names(audience, resource)) return true;
        }

        return false;
    }

    /// <summary>Checks <paramref name="caller"/>'s token against <paramref name="route"/>: null when the route has no
    /// <c>mcp:</c> block or <c>aud</c> (a text or a list of texts) names its resource, else <see cref="WrongResource"/>
    /// (the stage answers 401 <c>invalid_token</c>).</summary>
    public static AuthenticationFailure? Check(Caller caller, GatewayRouteConfig route)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Mcp is not { } mcp) return null;
        if (caller.Claims.ValueKind != JsonValueKind.Object || !caller.Claims.TryGetProperty("aud", out var audience)) return WrongResource;
        switch (audience.ValueKind)
        {
            case JsonValueKind.String:
                return McpResourceUri.Names(audience.GetString()!, mcp.Resource) ? null : WrongResource;
            case JsonValueKind.Array:
                foreach (var item in audience.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && McpResourceUri.Names(item.GetString()!, mcp.Resource)) return null;
                }
                return WrongResource;
            default:
                return WrongResource;
        }
    }
}
