using Portcullis.Gateway.Mcp.Coaz;
using Portcullis.Gateway.Mcp.Discovery;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>One HTTP request on an MCP route, from the MCP stage to the response filter: who asks, which forwarded
/// requests have list responses to filter, which answers the gateway made itself for a partly refused batch, and the
/// messages for the decision record.</summary>
internal sealed class McpExchange(McpRoute route, McpCaller caller, McpProtocolVersion version)
{
    /// <summary>Gets the route's MCP runtime.</summary>
    public McpRoute Route { get; } = route;

    /// <summary>Gets the caller as COAZ-MCP mappings read it.</summary>
    public CoazCaller Caller { get; } = caller.Coaz;

    /// <summary>Gets the subject properties the route adds to every AuthZEN request, or null.</summary>
    public System.Text.Json.JsonElement? SubjectProperties { get; } = caller.SubjectProperties;

    /// <summary>Gets the request's <c>MCP-Protocol-Version</c>.</summary>
    public McpProtocolVersion Version { get; } = version;

    /// <summary>Gets or sets whether the body was a JSON-RPC batch.</summary>
    public bool IsBatch { get; set; }

    /// <summary>Gets the messages for the decision record, in body order.</summary>
    public List<McpMessageRecord> Messages { get; } = [];

    /// <summary>Gets the forwarded list requests whose responses are filtered for the caller, by id.</summary>
    public Dictionary<JsonRpcId, McpListTarget> ListTargets { get; } = [];

    /// <summary>Gets the error responses the gateway made for refused requests of a batch whose other messages were
    /// forwarded; the response filter adds them to the upstream's answer.</summary>
    public List<byte[]> GatewayResponses { get; } = [];

    /// <summary>Gets whether the upstream's response must be read (lists to filter, answers to add).</summary>
    public bool NeedsResponseWork => ListTargets.Count > 0 || GatewayResponses.Count > 0;
}

/// <summary>A forwarded list request whose response is filtered.</summary>
/// <param name="List">Which list.</param>
/// <param name="FirstPage">Whether the request had no <c>cursor</c> (a <c>tools/list</c> result then starts a new set of declared mappings).</param>
/// <param name="Record">The message's record, which gets the kept and removed counts.</param>
internal sealed record McpListTarget(DiscoveryList List, bool FirstPage, McpMessageRecord Record);
