using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Portcullis.Gateway.Mapping;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Reads the <see cref="RequestFacts"/> of a request matched by a YARP route.</summary>
internal static class GatewayRequestFacts
{
    // Kestrel names the headers it knows with these constants: their lower-case forms are kept, not made per request.
    private static readonly FrozenDictionary<string, string> LowerCaseNames = new[]
    {
        HeaderNames.Accept, HeaderNames.AcceptCharset, HeaderNames.AcceptEncoding, HeaderNames.AcceptLanguage,
        HeaderNames.CacheControl, HeaderNames.Connection, HeaderNames.ContentLength, HeaderNames.ContentType,
        HeaderNames.Host, HeaderNames.IfMatch, HeaderNames.IfModifiedSince, HeaderNames.IfNoneMatch, HeaderNames.Origin,
        HeaderNames.Pragma, HeaderNames.Referer, HeaderNames.TE, HeaderNames.TraceParent, HeaderNames.TraceState,
        HeaderNames.UserAgent, HeaderNames.XRequestedWith, HeaderNames.AccessControlRequestMethod,
        HeaderNames.AccessControlRequestHeaders, "X-Forwarded-For", "X-Forwarded-Proto",
        "X-Forwarded-Host", HeaderNames.Baggage, HeaderNames.RequestId, "X-Request-ID",
    }.Distinct(StringComparer.Ordinal).ToFrozenDictionary(name => name, name => name.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Returns the facts: the route template of the matched YARP route, the method, path, host, client address,
    /// and — when <paramref name="details"/> is true — its route values, query and headers (no credentials).</summary>
    /// <param name="context">The request.</param>
    /// <param name="feature">The request's gateway feature (route, time, request id).</param>
    /// <param name="details">False when nothing can read the details (see <see cref="RequestDetailReads"/>): params,
    /// query and headers are then left empty rather than copied for nobody.</param>
    public static RequestFacts From(HttpContext context, GatewayFeature feature, bool details = true)
    {
        var request = context.Request;
        return new RequestFacts
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            RouteTemplate = context.GetReverseProxyFeature().Route.Config.Match.Path ?? feature.Route!.Config.Path,
            RouteParams = details ? RouteParams(request) : ReadOnlyDictionary<string, string>.Empty,
            Host = request.Host.Value ?? "",
            Query = details ? Query(request) : ReadOnlyDictionary<string, IReadOnlyList<string>>.Empty,
            Headers = details ? Headers(request) : ReadOnlyDictionary<string, string>.Empty,
            ClientIp = context.Connection.RemoteIpAddress?.ToString(),
            Time = feature.ReceivedAt,
            RequestId = feature.RequestId,
        };
    }

    private static IReadOnlyDictionary<string, string> RouteParams(HttpRequest request)
    {
        var values = request.RouteValues;
        var routeParams = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (value is not null) routeParams[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        return routeParams;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Query(HttpRequest request)
    {
        var collection = request.Query;
        if (collection.Count == 0) return ReadOnlyDictionary<string, IReadOnlyList<string>>.Empty;
        var query = new Dictionary<string, IReadOnlyList<string>>(collection.Count, StringComparer.Ordinal);
        foreach (var (key, values) in collection)
        {
            var items = new string[values.Count];
            for (var i = 0; i < items.Length; i++) items[i] = values[i] ?? "";
            query[key] = items;
        }
        return query;
    }

    /// <summary>The headers as <see cref="RequestFacts.SelectHeaders"/> gives them (lower-case names, repeated values
    /// joined with <c>", "</c>, credentials left out), read without an intermediate sequence.</summary>
    private static IReadOnlyDictionary<string, string> Headers(HttpRequest request)
    {
        var result = new Dictionary<string, string>(request.Headers.Count, StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            var lower = LowerCaseNames.TryGetValue(name, out var known) ? known : name.ToLowerInvariant();
            if (SensitiveHeaders.IsSensitive(lower)) continue;
            foreach (var value in values)
            {
                var text = value ?? "";
                result[lower] = result.TryGetValue(lower, out var previous) ? previous + ", " + text : text;
            }
        }
        return result;
    }
}
