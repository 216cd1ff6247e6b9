using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>Sets the request's outcome (for the decision record and metrics) from the verdicts on its messages.</summary>
internal static class McpOutcome
{
    /// <summary>Forwarded when any message is forwarded (reason <c>allowed</c>, <c>pass_through</c> when no PDP was
    /// asked, <c>partially_denied</c> for a batch with refused messages); otherwise the first refusal decides.</summary>
    public static void Apply(GatewayFeature feature, IReadOnlyList<McpVerdict> verdicts)
    {
        var forwarded = 0;
        var allowed = 0;
        var evaluated = 0;
        var cached = 0;
        McpVerdict? refused = null;
        foreach (var verdict in verdicts)
        {
            if (verdict.Forwards) forwarded++;
            else refused ??= verdict;
            if (verdict.Kind == McpVerdictKind.Allow) allowed++;
            if (verdict.Kind is McpVerdictKind.Allow or McpVerdictKind.Deny)
            {
                evaluated++;
                if (verdict.CacheHit) cached++;
            }
        }

        feature.CacheHit = evaluated > 0 && cached == evaluated;
        if (forwarded > 0)
        {
            feature.Outcome = GatewayOutcome.Allowed;
            feature.Reason = refused is not null ? "partially_denied" : allowed > 0 ? "allowed" : "pass_through";
            return;
        }

        var first = refused!.Value;
        feature.Outcome = first.Kind == McpVerdictKind.Unavailable ? GatewayOutcome.Unavailable : GatewayOutcome.Denied;
        feature.Reason = first.Kind switch
        {
            McpVerdictKind.Deny => "denied",
            McpVerdictKind.MappingError => "mapping_error",
            McpVerdictKind.Unavailable => "pdp_unavailable",
            _ => "invalid_jsonrpc",
        };
    }
}
