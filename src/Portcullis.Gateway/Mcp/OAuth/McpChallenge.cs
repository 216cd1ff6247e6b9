using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>The <c>WWW-Authenticate</c> values of an MCP route (MCP authorization 2025-11-25 "Protected Resource
/// Metadata Discovery" and "Scope Challenge Handling"): the RFC 9728 <c>resource_metadata</c> address, built from the
/// configured resource's origin (never from the request's Host header), and the scopes to ask for.</summary>
internal static class McpChallenge
{
    /// <summary>Returns the 401 challenge: <c>resource_metadata</c>, <c>scope</c> (the required scopes, else the
    /// supported ones; left out when neither is configured), and <c>error="invalid_token"</c> with a description when a
    /// token was presented but refused.</summary>
    public static string Unauthorized(AuthenticationFailure failure, McpRouteConfig mcp)
    {
        ArgumentNullException.ThrowIfNull(mcp);
        var scopes = mcp.RequiredScopes.Count > 0 ? mcp.RequiredScopes : mcp.ScopesSupported;
        return BearerChallenge.Format(failure, resourceMetadata: McpResourceUri.MetadataUrl(mcp.Resource),
            scope: scopes.Count > 0 ? string.Join(' ', scopes) : null);
    }

    /// <summary>Returns the 403 challenge of a token without the required scopes: <c>error="insufficient_scope"</c>,
    /// <c>scope</c> = every required scope (those already granted too, so the client keeps them when it asks again) and
    /// <c>resource_metadata</c>.</summary>
    public static string InsufficientScope(McpRouteConfig mcp)
    {
        ArgumentNullException.ThrowIfNull(mcp);
        return BearerChallenge.FormatInsufficientScope(string.Join(' ', mcp.RequiredScopes), McpResourceUri.MetadataUrl(mcp.Resource));
    }
}
