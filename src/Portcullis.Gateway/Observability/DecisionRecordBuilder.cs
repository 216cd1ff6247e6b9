using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>Builds the <see cref="DecisionRecord"/> of a finished request from its <see cref="GatewayFeature"/>.</summary>
/// <remarks>Only the method, the path (never the query string) and values the gateway itself produced are copied: no
/// header value, no token, no claim other than the subject and client id.</remarks>
internal static class DecisionRecordBuilder
{
    public static DecisionRecord Build(GatewayFeature feature, HttpRequest request, int status, TimeSpan total)
    {
        var caller = feature.Caller;
        var route = feature.Route;
        return new DecisionRecord
        {
            Time = feature.ReceivedAt,
            RequestId = feature.RequestId,
            Subject = caller?.Subject,
            ClientId = caller?.ClientId,
            Method = request.Method,
            Path = request.Path.Value is { Length: > 0 } path ? path : "/",
            RouteId = route?.Config.Id,
            RouteTemplate = route is null ? null : feature.Facts?.RouteTemplate ?? route.Config.Path,
            Decision = DecisionNames.Of(feature),
            Reason = feature.Reason,
            Pdp = feature.Pdp,
            CacheHit = feature.CacheHit,
            AuthenticationMs = feature.AuthenticationTime.TotalMilliseconds,
            PdpMs = feature.PdpTime.TotalMilliseconds,
            UpstreamMs = feature.UpstreamTime.TotalMilliseconds,
            TotalMs = total.TotalMilliseconds,
            Status = status,
            Mcp = feature.McpMessages,
        };
    }
}
