using System.Globalization;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Mapping;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Reads the <see cref="RequestFacts"/> of a request matched by a YARP route.</summary>
internal static class GatewayRequestFacts
{
    /// <summary>Returns the facts: the route template of the matched YARP route, its values, query, headers (no credentials).</summary>
    public static RequestFacts From(HttpContext context, GatewayFeature feature)
    {
        var request = context.Request;
        var routeParams = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is not null) routeParams[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query) query[key] = [.. values.Select(v => v ?? "")];
        return new RequestFacts
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            RouteTemplate = context.GetReverseProxyFeature().Route.Config.Match.Path ?? feature.Route!.Config.Path,
            RouteParams = routeParams,
            Host = request.Host.Value ?? "",
            Query = query,
            Headers = RequestFacts.SelectHeaders(request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))),
            ClientIp = context.Connection.RemoteIpAddress?.ToString(),
            Time = feature.ReceivedAt,
            RequestId = feature.RequestId,
        };
    }
}
