using Portcullis.Cel;
using Portcullis.Cel.Values;

namespace Portcullis.Gateway.Mapping;

/// <summary>The variables of mapping expressions: <c>token</c> (the claims) and <c>request</c> (method, path, route,
/// params, headers, query, host, ip), the latter built only when an expression reads it.</summary>
internal sealed class MappingActivation(CallerClaims caller, RequestFacts facts) : ICelActivation
{
    /// <summary>The variable holding the claims.</summary>
    public const string TokenVariable = "token";

    /// <summary>The variable holding the request facts.</summary>
    public const string RequestVariable = "request";

    private CelValue? _request;

    /// <inheritdoc />
    public bool TryResolve(string name, out CelValue value)
    {
        switch (name)
        {
            case TokenVariable:
                value = caller.Token;
                return true;
            case RequestVariable:
                value = _request ??= BuildRequest(facts);
                return true;
            default:
                value = default;
                return false;
        }
    }

    private static CelValue BuildRequest(RequestFacts facts)
    {
        var map = CelMap.NewDictionary(8);
        map[CelValue.String("method")] = CelValue.String(facts.Method);
        map[CelValue.String("path")] = CelValue.String(facts.Path);
        map[CelValue.String("route")] = CelValue.String(facts.RouteTemplate);
        map[CelValue.String("host")] = CelValue.String(facts.Host);
        map[CelValue.String("ip")] = facts.ClientIp is { } ip ? CelValue.String(ip) : CelValue.Null;
        map[CelValue.String("params")] = StringMap(facts.RouteParams);
        var headers = CelMap.NewDictionary(facts.Headers.Count);
        foreach (var (key, text) in facts.Headers)
        {
            // Defence in depth: facts built without SelectHeaders still never expose credentials.
            if (!SensitiveHeaders.IsSensitive(key)) headers[CelValue.String(key.ToLowerInvariant())] = CelValue.String(text);
        }
        map[CelValue.String("headers")] = CelValue.Map(CelMap.Of(headers));
        var query = CelMap.NewDictionary(facts.Query.Count);
        foreach (var (key, values) in facts.Query)
        {
            query[CelValue.String(key)] = CelValue.List(CelList.Of([.. values.Select(CelValue.String)]));
        }
        map[CelValue.String("query")] = CelValue.Map(CelMap.Of(query));
        return CelValue.Map(CelMap.Of(map));
    }

    private static CelValue StringMap(IReadOnlyDictionary<string, string> values)
    {
        var map = CelMap.NewDictionary(values.Count);
        foreach (var (key, text) in values) map[CelValue.String(key)] = CelValue.String(text);
        return CelValue.Map(CelMap.Of(map));
    }
}
