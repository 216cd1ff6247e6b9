using System.Text.Json;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>Writes an MCP route's RFC 9728 protected-resource metadata document.</summary>
/// <remarks>
/// Members: <c>resource</c> (the canonical resource identifier), <c>authorization_servers</c> (issuer identifiers
/// exactly as configured, since clients compare them with the issuer's own metadata), <c>scopes_supported</c> (the
/// configured ones plus the required ones, which are certainly supported; left out when there are none),
/// <c>bearer_methods_supported: ["header"]</c> (the gateway reads tokens from the Authorization header only) and
/// <c>resource_name</c> when configured. See <see href="https://www.rfc-editor.org/rfc/rfc9728#section-2">RFC 9728
/// section 2</see> and the MCP authorization specification (2025-11-25) "Authorization Server Discovery".
/// </remarks>
internal static class ProtectedResourceMetadataDocument
{
    /// <summary>Returns the UTF-8 JSON document for <paramref name="mcp"/>.</summary>
    public static byte[] Write(McpRouteConfig mcp)
    {
        ArgumentNullException.ThrowIfNull(mcp);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("resource", McpResourceUri.Canonical(mcp.Resource));
            writer.WriteStartArray("authorization_servers");
            foreach (var server in mcp.AuthorizationServers) writer.WriteStringValue(server.OriginalString);
            writer.WriteEndArray();
            var scopes = mcp.ScopesSupported.Concat(mcp.RequiredScopes).Distinct(StringComparer.Ordinal).ToList();
            if (scopes.Count > 0)
            {
                writer.WriteStartArray("scopes_supported");
                foreach (var scope in scopes) writer.WriteStringValue(scope);
                writer.WriteEndArray();
            }
            writer.WriteStartArray("bearer_methods_supported");
            writer.WriteStringValue("header");
            writer.WriteEndArray();
            if (mcp.ResourceName is { } name) writer.WriteString("resource_name", name);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
