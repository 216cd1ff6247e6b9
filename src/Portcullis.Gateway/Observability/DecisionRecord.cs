namespace Portcullis.Gateway.Observability;

/// <summary>The explainable record of one request through the gateway: written exactly once per request (matched or
/// not), after the response. It never holds a token, a secret or a header value.</summary>
public sealed record DecisionRecord
{
    /// <summary>Gets when the request arrived (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the request id (echoed as <c>X-Request-ID</c>).</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the subject id (the token's <c>sub</c>), or null when not authenticated.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the OAuth client id (<c>client_id</c> or <c>azp</c>), or null.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path (without the query string, which may carry secrets).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the matched route id, or null when no route matched.</summary>
    public string? RouteId { get; init; }

    /// <summary>Gets the matched route template (the AuthZEN resource id by default), or null.</summary>
    public string? RouteTemplate { get; init; }

    /// <summary>Gets the decision: <c>allow</c>, <c>deny</c>, <c>unauthenticated</c>, <c>unavailable</c>,
    /// <c>anonymous</c>, <c>preflight</c> or <c>no_route</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Gets the reason code (e.g. <c>denied</c>, <c>token_invalid</c>, <c>pdp_unavailable</c>, <c>fail_open</c>), or null.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets which PDP decided (<c>embedded</c> or a base address), or null.</summary>
    public string? Pdp { get; init; }

    /// <summary>Gets a value indicating whether the decision came from the cache.</summary>
    public bool CacheHit { get; init; }

    /// <summary>Gets the time spent authenticating, in milliseconds.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(MillisecondsJsonConverter))]
    public double AuthenticationMs { get; init; }

    /// <summary>Gets the time spent deciding (PDP or cache), in milliseconds.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(MillisecondsJsonConverter))]
    public double PdpMs { get; init; }

    /// <summary>Gets the time the upstream took to answer, in milliseconds (zero when not forwarded).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(MillisecondsJsonConverter))]
    public double UpstreamMs { get; init; }

    /// <summary>Gets the total time in the gateway, in milliseconds.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(MillisecondsJsonConverter))]
    public double TotalMs { get; init; }

    /// <summary>Gets the response status code sent to the client.</summary>
    public required int Status { get; init; }

    /// <summary>Gets the JSON-RPC messages of a request on an MCP route, each with its method, id, tool or resource and
    /// verdict; null on other routes.</summary>
    public IReadOnlyList<Mcp.Stage.McpMessageRecord>? Mcp { get; init; }
}
