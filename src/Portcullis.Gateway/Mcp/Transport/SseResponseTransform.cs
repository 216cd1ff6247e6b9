using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// Rewrites one JSON-RPC response found in an SSE event. <paramref name="response"/>'s elements are valid only until
/// the returned task completes. Return the new response's UTF-8 JSON, or null to leave the event unchanged.
/// </summary>
internal delegate ValueTask<ReadOnlyMemory<byte>?> SseResponseTransform(JsonRpcMessage response, CancellationToken cancellationToken);
