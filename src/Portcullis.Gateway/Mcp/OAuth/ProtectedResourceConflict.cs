using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>Two MCP routes would publish different metadata at the same well-known path.</summary>
/// <param name="Route">The later route, which loses the path.</param>
/// <param name="Path">The well-known path both claim.</param>
/// <param name="Message">A sentence for the configuration problem list.</param>
internal sealed record ProtectedResourceConflict(GatewayRouteConfig Route, string Path, string Message);
