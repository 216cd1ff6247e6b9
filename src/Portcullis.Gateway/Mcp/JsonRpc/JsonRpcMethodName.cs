namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>The strict shape of a method name the gateway will look up among known methods.</summary>
internal static class JsonRpcMethodName
{
    /// <summary>The longest method name accepted as well formed.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Returns whether <paramref name="method"/> is 1–128 characters of ASCII letters and digits separated by single
    /// <c>/</c>, with <c>_</c>, <c>-</c> and <c>.</c> inside segments, starting with a letter — the shape of every MCP
    /// method (<c>tools/call</c>, <c>notifications/resources/list_changed</c>, <c>resources/templates/list</c>).
    /// Spaces, control characters, empty segments and any non-ASCII character (a Cyrillic <c>о</c> in
    /// <c>tоols/call</c>, a full-width slash, a zero-width joiner) make it ill formed, so the caller treats it as an
    /// unknown method rather than normalizing it into a known one. Comparison with known names stays ordinal
    /// (case-sensitive: MCP header values and method names are case-sensitive).
    /// </summary>
    public static bool IsWellFormed(string? method)
    {
        if (string.IsNullOrEmpty(method) || method.Length > MaxLength || !char.IsAsciiLetter(method[0]))
        {
            return false;
        }

        var previous = '\0';
        foreach (var c in method)
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ||
                (c == '/' && previous != '/');
            if (!allowed)
            {
                return false;
            }
            previous = c;
        }

        return previous != '/';
    }
}
