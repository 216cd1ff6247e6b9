namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>The JSON type of a JSON-RPC id.</summary>
internal enum JsonRpcIdKind
{
    /// <summary><c>null</c>: the id of an error answering a message whose id could not be read.</summary>
    Null,

    /// <summary>An integer number (MCP: "a string or integer ID").</summary>
    Number,

    /// <summary>A string.</summary>
    String,
}
