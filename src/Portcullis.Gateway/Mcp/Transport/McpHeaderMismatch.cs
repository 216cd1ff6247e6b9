using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>Request metadata headers that disagree with the body: the stage answers HTTP 400 with
/// <see cref="Error"/> before authorizing or forwarding anything.</summary>
/// <param name="Header">The header at fault (<c>Mcp-Method</c>, <c>Mcp-Name</c>, <c>MCP-Protocol-Version</c>).</param>
/// <param name="Error">The JSON-RPC error: -32020 <c>HeaderMismatch</c> under 2026-07-28, -32600 before (where
/// -32020 is not defined), with the request's id.</param>
internal sealed record McpHeaderMismatch(string Header, JsonRpcError Error)
{
    /// <summary>The HTTP status of the answer (2026-07-28 streamable-http "Server Validation": 400 Bad Request).</summary>
    public const int HttpStatus = 400;
}
