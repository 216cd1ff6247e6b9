namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>What a JSON-RPC message is (JSON-RPC 2.0 sections 4, 4.1 and 5).</summary>
internal enum JsonRpcMessageKind
{
    /// <summary>Not a valid JSON-RPC message; <see cref="JsonRpcMessage.Error"/> says why (code -32600).</summary>
    Invalid,

    /// <summary>A request: <c>method</c> and a string or integer <c>id</c>; it expects a response.</summary>
    Request,

    /// <summary>A notification: <c>method</c> and no <c>id</c>; it gets no response.</summary>
    Notification,

    /// <summary>A response: <c>result</c> or <c>error</c>, and an <c>id</c>.</summary>
    Response,
}
