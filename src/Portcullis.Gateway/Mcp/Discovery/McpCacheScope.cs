namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>MCP's <c>cacheScope</c> result field: which protocol revisions define it.</summary>
/// <remarks>The 2026-07-28 revision added <c>ttlMs</c> and <c>cacheScope</c> (<c>"public" | "private"</c>) to the
/// results of <c>server/discover</c>, the four list methods and <c>resources/read</c> (SEP-2549, "Caching" utility;
/// <c>CacheableResult</c> in the schema): <c>private</c> means shared caches must not serve the result to another
/// authorization context, and the spec names "filtered list results that vary per user" as its use. The 2025-06-18
/// and 2025-11-25 revisions have neither field, so nothing is added there.</remarks>
public static class McpCacheScope
{
    /// <summary>Gets the first revision with <c>cacheScope</c>.</summary>
    public const string FirstRevision = "2026-07-28";

    /// <summary>Gets the value written on every filtered list.</summary>
    public const string Private = "private";

    /// <summary>Returns whether the negotiated revision <paramref name="protocolVersion"/> (<c>YYYY-MM-DD</c>) has
    /// the field; false for null or anything that is not a revision date.</summary>
    public static bool IsDefined(string? protocolVersion) =>
        protocolVersion is { Length: 10 } version &&
        DateOnly.TryParseExact(version, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) &&
        string.CompareOrdinal(version, FirstRevision) >= 0;
}
