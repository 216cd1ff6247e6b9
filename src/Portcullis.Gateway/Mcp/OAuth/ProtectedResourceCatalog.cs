using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>The protected-resource metadata documents of one configuration, by the well-known path they are served at.</summary>
/// <remarks>
/// <para>Each MCP route's document is served at the RFC 9728 path of its <c>resource</c>
/// (<c>/.well-known/oauth-protected-resource</c> + the resource's path, e.g. <c>…/mcp</c>), and also at the well-known
/// path of its route template when that is a literal path other than the resource's (the URL an MCP client derives
/// from the endpoint it connected to, MCP authorization 2025-11-25 "Protected Resource Metadata Discovery").</para>
/// <para>The root URL <c>/.well-known/oauth-protected-resource</c> describes the gateway's only MCP resource when all
/// MCP routes share one document (MCP clients fall back to it after the path-suffixed one); with several different
/// resources it serves only a resource whose own identifier has no path (RFC 9728 puts that one there), and otherwise
/// answers 404: guessing one of several servers would send a client to the wrong authorization server or audience.</para>
/// <para>Two routes that would publish different documents at one path are a configuration problem
/// (<see cref="Conflicts"/>).</para>
/// </remarks>
internal sealed class ProtectedResourceCatalog
{
    private readonly FrozenDictionary<string, byte[]> documents;

    private ProtectedResourceCatalog(FrozenDictionary<string, byte[]> documents, IReadOnlyList<ProtectedResourceConflict> conflicts)
    {
        this.documents = documents;
        Conflicts = conflicts;
    }

    /// <summary>Gets the paths two routes claim with different documents (the first route keeps the path).</summary>
    public IReadOnlyList<ProtectedResourceConflict> Conflicts { get; }

    /// <summary>Gets the well-known paths served (for tests and diagnostics).</summary>
    public IEnumerable<string> Paths => documents.Keys;

    /// <summary>Builds the catalog of <paramref name="routes"/> (routes without <c>mcp:</c> are ignored).</summary>
    public static ProtectedResourceCatalog Build(IReadOnlyList<GatewayRouteConfig> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var byPath = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<ProtectedResourceConflict>();
        var distinct = new List<byte[]>();
        foreach (var route in routes)
        {
            if (route.Mcp is not { } mcp) continue;
            var document = ProtectedResourceMetadataDocument.Write(mcp);
            if (!distinct.Any(d => d.AsSpan().SequenceEqual(document))) distinct.Add(document);
            Claim(byPath, conflicts, route, McpResourceUri.MetadataPath(mcp.Resource), document);
            if (LiteralPath(route.Path) is { } literal) Claim(byPath, conflicts, route, McpResourceUri.WellKnownPrefix + literal, document);
        }
        if (distinct.Count == 1) byPath.TryAdd(McpResourceUri.WellKnownPrefix, distinct[0]);
        return new ProtectedResourceCatalog(byPath.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), conflicts);
    }

    /// <summary>Returns the document served at <paramref name="path"/> (one trailing slash ignored), or null.</summary>
    public byte[]? Find(PathString path)
    {
        var text = path.Value ?? "";
        if (documents.TryGetValue(text, out var document)) return document;
        return text.Length > 1 && text.EndsWith('/') && documents.TryGetValue(text[..^1], out document) ? document : null;
    }

    private static void Claim(Dictionary<string, byte[]> byPath, List<ProtectedResourceConflict> conflicts, GatewayRouteConfig route, string path, byte[] document)
    {
        if (byPath.TryAdd(path, document) || byPath[path].AsSpan().SequenceEqual(document)) return;
        conflicts.Add(new ProtectedResourceConflict(route, path,
            $"its protected-resource metadata would be served at {path}, where another MCP route already publishes different metadata; give each MCP server its own resource path"));
    }

    /// <summary>Returns the route template without a trailing slash when it has no parameters, else null.</summary>
    private static string? LiteralPath(string template)
    {
        if (template.Contains('{', StringComparison.Ordinal) || template.Contains('*', StringComparison.Ordinal)) return null;
        var trimmed = template.TrimEnd('/');
        return trimmed.Length == 0 ? null : trimmed;
    }
}
