using System.Collections.ObjectModel;

namespace Portcullis.Gateway.Mapping;

/// <summary>What the gateway knows about a REST request once it is routed: the input of the AuthZEN mapping.</summary>
public sealed record RequestFacts
{
    /// <summary>Gets the HTTP method as received, e.g. <c>DELETE</c> (the default action name upper-cases it).</summary>
    public required string Method { get; init; }

    /// <summary>Gets the normalized request path the upstream will serve, e.g. <c>/todos/42</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the matched route template, e.g. <c>/todos/{todoId}</c> (the default resource id).</summary>
    public required string RouteTemplate { get; init; }

    /// <summary>Gets the route parameters by name, e.g. <c>todoId</c> → <c>42</c>.</summary>
    public IReadOnlyDictionary<string, string> RouteParams { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Gets the request host (with port when not the default), or empty.</summary>
    public string Host { get; init; } = "";

    /// <summary>Gets the query: every value of each name, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; init; } = ReadOnlyDictionary<string, IReadOnlyList<string>>.Empty;

    /// <summary>Gets the headers offered to expressions, names lower-case. Credentials (<c>authorization</c>,
    /// <c>cookie</c>, ...) are never exposed even when present here; build with <see cref="SelectHeaders"/>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Gets the client's IP address as text, or null when unknown.</summary>
    public string? ClientIp { get; init; }

    /// <summary>Gets the time the request arrived.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the request id (the client's <c>X-Request-ID</c> or a generated one).</summary>
    public required string RequestId { get; init; }

    /// <summary>Returns the headers in <paramref name="headers"/> with lower-case names, repeated values joined with
    /// <c>", "</c>, and every credential-bearing header left out.</summary>
    public static IReadOnlyDictionary<string, string> SelectHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (SensitiveHeaders.IsSensitive(lower)) continue;
            result[lower] = result.TryGetValue(lower, out var previous) ? previous + ", " + value : value;
        }
        return result;
    }
}
