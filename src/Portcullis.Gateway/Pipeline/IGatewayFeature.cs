using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Pipeline;

/// <summary>What the gateway learned about one request as it went through the stages; read it from
/// <c>HttpContext.Features</c>.</summary>
public interface IGatewayFeature
{
    /// <summary>Gets the request id (the client's valid <c>X-Request-ID</c> or a generated one).</summary>
    string RequestId { get; }

    /// <summary>Gets when the request arrived.</summary>
    DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the authenticated caller, or null (anonymous route, or not authenticated).</summary>
    Caller? Caller { get; }

    /// <summary>Gets the facts the AuthZEN request was built from, once the decision stage ran (REST routes; null on MCP
    /// routes). Route params, query and headers are filled only when the route's mapping or an injected identity header
    /// reads them, and are empty otherwise.</summary>
    RequestFacts? Facts { get; }

    /// <summary>Gets the outcome so far.</summary>
    GatewayOutcome Outcome { get; }

    /// <summary>Gets the reason code of the outcome (e.g. <c>denied</c>, <c>pdp_unavailable</c>), or null.</summary>
    string? Reason { get; }

    /// <summary>Gets the time spent authenticating, or zero.</summary>
    TimeSpan AuthenticationTime { get; }

    /// <summary>Gets the time spent waiting for the PDP, or zero (also zero on a cache hit).</summary>
    TimeSpan PdpTime { get; }

    /// <summary>Gets a value indicating whether the decision came from the decision cache.</summary>
    bool CacheHit { get; }

    /// <summary>Gets a value indicating whether the request was forwarded because the PDP failed on a fail-open route.</summary>
    bool FailOpen { get; }

    /// <summary>Gets which PDP decided: <c>embedded</c> or the remote PDP's base address; null when none was asked.</summary>
    string? Pdp { get; }

    /// <summary>Gets the time from forwarding to the upstream's response headers, or zero when not forwarded.</summary>
    TimeSpan UpstreamTime { get; }

    /// <summary>Gets the JSON-RPC messages of a request on an MCP route with the verdict on each, or null.</summary>
    IReadOnlyList<Mcp.Stage.McpMessageRecord>? McpMessages { get; }
}
