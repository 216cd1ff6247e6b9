namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>A JSON-RPC error response to send: <c>{"jsonrpc":"2.0","id":Id,"error":{"code":Code,"message":Message}}</c>.</summary>
/// <param name="Code">The error code (see <see cref="JsonRpcErrorCodes"/>).</param>
/// <param name="Message">A short message for the client; never policy internals, tokens or secrets.</param>
/// <param name="Id">The id of the message answered, echoed as received; <see cref="JsonRpcId.Null"/> when it could not be read.</param>
internal sealed record JsonRpcError(int Code, string Message, JsonRpcId Id);
