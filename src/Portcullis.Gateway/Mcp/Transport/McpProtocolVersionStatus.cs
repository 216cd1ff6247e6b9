namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>What the <c>MCP-Protocol-Version</c> request header said.</summary>
internal enum McpProtocolVersionStatus
{
    /// <summary>No header: the revision is taken to be 2025-03-26 (2025-06-18 and 2026-07-28 transports,
    /// "Protocol Version Header": servers MAY assume 2025-03-26 for clients that predate the header).</summary>
    Absent,

    /// <summary>A revision this gateway knows.</summary>
    Known,

    /// <summary>A well-formed <c>YYYY-MM-DD</c> version this gateway does not know (answer 400; 2026-07-28:
    /// <c>UnsupportedProtocolVersion</c> -32022).</summary>
    Unsupported,

    /// <summary>Not a single <c>YYYY-MM-DD</c> value (several headers, other text): answer 400.</summary>
    Malformed,
}
