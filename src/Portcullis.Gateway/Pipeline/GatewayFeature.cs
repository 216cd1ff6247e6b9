using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Pipeline;

/// <summary>The mutable per-request state behind <see cref="IGatewayFeature"/>.</summary>
internal sealed class GatewayFeature(string requestId, DateTimeOffset receivedAt) : IGatewayFeature
{
    public string RequestId { get; } = requestId;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public GatewayRoute? Route { get; set; }

    public Caller? Caller { get; set; }

    public RequestFacts? Facts { get; set; }

    public GatewayOutcome Outcome { get; set; }

    public string? Reason { get; set; }

    public TimeSpan AuthenticationTime { get; set; }

    public TimeSpan PdpTime { get; set; }

    public bool CacheHit { get; set; }

    public bool FailOpen { get; set; }

    public string? Pdp { get; set; }

    public TimeSpan UpstreamTime { get; set; }

    /// <summary>Gets or sets the <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the request was handed
    /// to the forwarder (0 until then); when the response starts, <see cref="UpstreamTime"/> is measured from it.</summary>
    public long ForwardedAt { get; set; }

    /// <summary>Gets or sets the lease on <see cref="Route"/> (set by ingress), which keeps the route and its PDP alive
    /// until <see cref="Observability.DecisionRecordMiddleware"/> ends the request and releases it.</summary>
    internal GatewayRouteLease? Lease { get; set; }

    /// <summary>Gets or sets the MCP stage's state for this request (MCP routes only).</summary>
    public Mcp.Stage.McpExchange? Mcp { get; set; }

    public IReadOnlyList<Mcp.Stage.McpMessageRecord>? McpMessages => Mcp?.Messages;

    public static GatewayFeature Of(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Features.Get<GatewayFeature>() ?? throw new InvalidOperationException("UseDecisionRecords must run before the gateway stages.");
}
