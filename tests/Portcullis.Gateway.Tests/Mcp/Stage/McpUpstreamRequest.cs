using System.Text.Json.Nodes;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>A request as <see cref="ScriptedMcpUpstream"/> received it.</summary>
internal sealed record McpUpstreamRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Gets the gateway's request id (the forwarded <c>X-Request-ID</c>), or null.</summary>
    public string? RequestId => Headers.TryGetValue("X-Request-ID", out var id) ? id : null;

    /// <summary>Gets the body's JSON-RPC messages (one, or the batch's elements).</summary>
    public IReadOnlyList<JsonNode> Messages => JsonNode.Parse(Body) is JsonArray batch ? [.. batch.Select(m => m!)] : [JsonNode.Parse(Body)!];
}
