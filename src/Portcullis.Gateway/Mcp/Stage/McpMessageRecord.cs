namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>One JSON-RPC message of an MCP request, as its decision record shows it: no token, no claim, and tool
/// arguments only when the route sets <c>mcp.log_arguments</c>.</summary>
public sealed class McpMessageRecord
{
    /// <summary>Gets the kind: <c>request</c>, <c>notification</c>, <c>response</c> (a client's answer to the server) or <c>invalid</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the JSON-RPC method, or null.</summary>
    public string? Method { get; init; }

    /// <summary>Gets the JSON-RPC id as JSON text (<c>7</c>, <c>"a"</c>), or null for a notification.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the tool or prompt name, or the resource URI, the message is about; null otherwise.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the tool call's arguments as JSON text, only when the route allows logging them (truncated to
    /// 4096 characters).</summary>
    public string? Arguments { get; init; }

    /// <summary>Gets the decision: <c>pass</c>, <c>allow</c>, <c>deny</c>, <c>mapping_error</c>, <c>unavailable</c> or <c>invalid</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Gets the JSON-RPC error code the gateway answered with, or null when the message was forwarded.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Gets how many entries of a list response the caller was shown, or null when no list was filtered.</summary>
    public int? Kept { get; set; }

    /// <summary>Gets how many entries of a list response were removed for the caller, or null.</summary>
    public int? Removed { get; set; }
}
