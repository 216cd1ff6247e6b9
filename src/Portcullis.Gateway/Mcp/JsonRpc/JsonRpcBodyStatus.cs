namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>The outcome of reading a POSTed JSON-RPC body.</summary>
internal enum JsonRpcBodyStatus
{
    /// <summary>The body is JSON holding one message or a non-empty batch; each message is classified (some may be
    /// <see cref="JsonRpcMessageKind.Invalid"/>).</summary>
    Messages,

    /// <summary>The body is larger than the limit; nothing was parsed. Answer HTTP 413 with the -32600 error.</summary>
    TooLarge,

    /// <summary>The body is not JSON (malformed, truncated, too deep, a repeated member name, not UTF-8). Answer the
    /// -32700 error with id null; do not forward.</summary>
    ParseError,

    /// <summary>The body is an empty array (JSON-RPC 2.0 section 6): answer one -32600 error with id null.</summary>
    EmptyBatch,
}
