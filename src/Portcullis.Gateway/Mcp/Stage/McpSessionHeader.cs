namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>The Streamable HTTP session header.</summary>
internal static class McpSessionHeader
{
    /// <summary>The header's name (<c>Mcp-Session-Id</c>; header names are case-insensitive).</summary>
    public const string Name = "Mcp-Session-Id";
}
