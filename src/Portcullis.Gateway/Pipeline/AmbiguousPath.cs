namespace Portcullis.Gateway.Pipeline;

/// <summary>Finds request paths that mean one route to the gateway and possibly another to the upstream: a dot
/// segment (<c>.</c> or <c>..</c>) hidden behind something the gateway does not treat as a separator but some servers
/// do — a backslash (IIS, WHATWG URL parsers), an encoded slash or backslash, a <c>;</c> path parameter (Tomcat's
/// <c>..;/</c>), or a second layer of percent-encoding.</summary>
/// <remarks>Kestrel has already decoded the path (except <c>%2F</c>) and removed the dot segments it sees, so any dot
/// segment still found here is one only a more lenient reader would act on. Refusing it keeps the route the PDP
/// decided on the only one the upstream can serve.</remarks>
internal static class AmbiguousPath
{
    /// <summary>How many layers of percent-encoding are peeled off before looking for dot segments.</summary>
    private const int MaxDecodingLayers = 3;

    /// <summary>Returns true when <paramref name="path"/> (the decoded request path) hides a dot segment.</summary>
    public static bool HidesDotSegment(string path)
    {
        var text = path;
        for (var layer = 0; layer < MaxDecodingLayers && text.Contains('%', StringComparison.Ordinal); layer++)
        {
            var decoded = Uri.UnescapeDataString(text);
            if (decoded == text) break;
            text = decoded;
        }

        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny('/', '\\');
            var segment = end < 0 ? rest : rest[..end];
            var parameters = segment.IndexOf(';');
            var name = parameters < 0 ? segment : segment[..parameters];
            if (name is "." or "..") return true;
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        return false;
    }
}
