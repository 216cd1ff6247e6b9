using Portcullis.Cel.Values;

namespace Portcullis.Gateway.Mapping;

/// <summary>The CEL variable <c>request</c>: a map of <c>method</c>, <c>path</c>, <c>route</c>, <c>host</c>, <c>ip</c>,
/// <c>params</c>, <c>headers</c> and <c>query</c>, each member built the first time an expression reads it.</summary>
/// <remarks>An expression such as <c>request.route</c> then costs no header or query map. Enumeration (macros over the
/// whole map, equality) builds every member, in the order listed above.</remarks>
internal sealed class RequestCelMap(RequestFacts facts) : CelMap
{
    private static readonly string[] Names = ["method", "path", "route", "host", "ip", "params", "headers", "query"];
    private readonly CelValue?[] members = new CelValue?[Names.Length];

    /// <inheritdoc />
    public override int Count => Names.Length;

    /// <inheritdoc />
    public override bool TryGetValue(CelValue key, out CelValue value)
    {
        if (key.Kind == CelValueKind.String) return TryGetValue(key.AsString, out value);
        value = default;
        return false;
    }

    /// <inheritdoc />
    public override bool TryGetValue(string key, out CelValue value)
    {
        var index = Array.IndexOf(Names, key);
        if (index < 0)
        {
            value = default;
            return false;
        }
        value = Member(index);
        return true;
    }

    /// <inheritdoc />
    public override IEnumerator<KeyValuePair<CelValue, CelValue>> GetEnumerator()
    {
        for (var i = 0; i < Names.Length; i++) yield return new(CelValue.String(Names[i]), Member(i));
    }

    private CelValue Member(int index) => members[index] ??= Build(index);

    private CelValue Build(int index) => index switch
    {
        0 => CelValue.String(facts.Method),
        1 => CelValue.String(facts.Path),
        2 => CelValue.String(facts.RouteTemplate),
        3 => CelValue.String(facts.Host),
        4 => facts.ClientIp is { } ip ? CelValue.String(ip) : CelValue.Null,
        5 => StringMap(facts.RouteParams),
        6 => Headers(facts.Headers),
        _ => Query(facts.Query),
    };

    private static CelValue StringMap(IReadOnlyDictionary<string, string> values)
    {
        var map = NewDictionary(values.Count);
        foreach (var (key, text) in values) map[CelValue.String(key)] = CelValue.String(text);
        return CelValue.Map(Of(map));
    }

    private static CelValue Headers(IReadOnlyDictionary<string, string> values)
    {
        var headers = NewDictionary(values.Count);
        foreach (var (key, text) in values)
        {
            // Defence in depth: facts built without SelectHeaders still never expose credentials.
            if (!SensitiveHeaders.IsSensitive(key)) headers[CelValue.String(key.ToLowerInvariant())] = CelValue.String(text);
        }
        return CelValue.Map(Of(headers));
    }

    private static CelValue Query(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var query = NewDictionary(values.Count);
        foreach (var (key, items) in values)
        {
            var list = new CelValue[items.Count];
            for (var i = 0; i < list.Length; i++) list[i] = CelValue.String(items[i]);
            query[CelValue.String(key)] = CelValue.List(CelList.Of(list));
        }
        return CelValue.Map(Of(query));
    }
}
