using System.Net;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>The rules for an MCP server's resource identifier (RFC 8707 section 2, MCP authorization 2025-11-25
/// "Canonical Server URI"): what is accepted in configuration, its canonical text, the address of its protected-resource
/// metadata, and whether a token audience names it.</summary>
/// <remarks>
/// See <see href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 section 2</see> and
/// <see href="https://www.rfc-editor.org/rfc/rfc9728#section-3.1">RFC 9728 section 3.1</see>.
/// </remarks>
public static class McpResourceUri
{
    /// <summary>The RFC 9728 well-known path of protected-resource metadata.</summary>
    public const string WellKnownPrefix = "/.well-known/oauth-protected-resource";

    /// <summary>Returns why <paramref name="uri"/> cannot identify a protected resource (or authorization server), or
    /// null when it can: absolute, https (http only for a loopback host), no user info, query or fragment.</summary>
    public static string? Problem(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri) return "must be an absolute address";
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri)) return "must use https (http is allowed only for a loopback host)";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return "must be an https address";
        if (uri.UserInfo.Length > 0) return "must not contain user information";
        if (uri.Query.Length > 0 || uri.OriginalString.Contains('?', StringComparison.Ordinal)) return "must not contain a query";
        if (uri.Fragment.Length > 0 || uri.OriginalString.Contains('#', StringComparison.Ordinal)) return "must not contain a fragment";
        if (HasDotSegment(uri.OriginalString)) return "must not contain '.' or '..' path segments";
        return null;
    }

    /// <summary>Returns the canonical text of a resource identifier: lower-case scheme and host, the default port left
    /// out, the path as written, and no trailing slash when the path is only <c>/</c>.</summary>
    public static string Canonical(Uri resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + PathOf(resource);
    }

    /// <summary>Returns the path of <paramref name="resource"/> as RFC 9728 appends it to the well-known prefix:
    /// empty for the root, otherwise the escaped path (e.g. <c>/mcp</c>).</summary>
    public static string PathOf(Uri resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var path = resource.AbsolutePath;
        return path == "/" ? "" : path;
    }

    /// <summary>Returns the path at which the metadata of <paramref name="resource"/> is served (RFC 9728 section 3.1),
    /// e.g. <c>/.well-known/oauth-protected-resource/mcp</c>.</summary>
    public static string MetadataPath(Uri resource) => WellKnownPrefix + PathOf(resource);

    /// <summary>Returns the absolute metadata address of <paramref name="resource"/>, on the resource's own origin (taken
    /// from configuration, never from a request's Host header).</summary>
    public static Uri MetadataUrl(Uri resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new Uri(resource.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + MetadataPath(resource), UriKind.Absolute);
    }

    /// <summary>Returns whether the audience value <paramref name="audience"/> names <paramref name="resource"/>: the
    /// same canonical text (scheme and host compared case-insensitively, the path exactly, <c>https://h/</c> equal to
    /// <c>https://h</c>). An audience with user info, a query or a fragment never matches.</summary>
    public static bool Names(string audience, Uri resource)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(resource);
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var candidate) || Problem(candidate) is not null) return false;
        return string.Equals(Canonical(candidate), Canonical(resource), StringComparison.Ordinal);
    }

    private static bool HasDotSegment(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var path = start < 0 ? text : text[(start + 3)..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return false;
        foreach (var segment in path[(slash + 1)..].Split('/'))
        {
            if (segment is "." or ".." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase)
                || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase) || segment.Equals(".%2e", StringComparison.OrdinalIgnoreCase)
                || segment.Equals("%2e.", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
