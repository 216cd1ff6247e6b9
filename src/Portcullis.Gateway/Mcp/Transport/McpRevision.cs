namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>The MCP protocol revisions that use the Streamable HTTP transport, oldest first.</summary>
internal enum McpRevision
{
    /// <summary>2025-03-26: Streamable HTTP introduced; sessions, GET stream, JSON-RPC batches.</summary>
    V2025_03_26,

    /// <summary>2025-06-18: batches removed (changelog item 1); <c>MCP-Protocol-Version</c> header required.</summary>
    V2025_06_18,

    /// <summary>2025-11-25: as 2025-06-18 for the transport, plus SSE polling and resumption.</summary>
    V2025_11_25,

    /// <summary>2026-07-28: stateless; POST only, <c>Mcp-Method</c>/<c>Mcp-Name</c> request metadata headers.</summary>
    V2026_07_28,
}
