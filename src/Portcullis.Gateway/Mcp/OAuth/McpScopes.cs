using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>The MCP route's scope rule: every <c>required_scopes</c> entry must be granted (<c>scope</c> or <c>scp</c>,
/// compared exactly, as RFC 6749 scopes are case-sensitive).</summary>
internal static class McpScopes
{
    /// <summary>Returns the required scopes <paramref name="caller"/> lacks on <paramref name="mcp"/>'s route; empty
    /// when none (the stage answers 403 <c>insufficient_scope</c> otherwise).</summary>
    public static IReadOnlyList<string> Missing(Caller caller, McpRouteConfig mcp)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(mcp);
        if (mcp.RequiredScopes.Count == 0) return [];
        return [.. mcp.RequiredScopes.Where(scope => !caller.Scopes.Contains(scope, StringComparer.Ordinal))];
    }
}
