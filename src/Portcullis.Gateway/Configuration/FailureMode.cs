namespace Portcullis.Gateway.Configuration;

/// <summary>What a route does when its PDP cannot answer (down, slow past the timeout, or answering garbage).</summary>
public enum FailureMode
{
    /// <summary>Refuse: 503 problem+json with <c>Retry-After</c>, nothing forwarded. The default.</summary>
    Closed,

    /// <summary>Forward as if allowed, and log every such request as fail-open. Only when configured.</summary>
    Open,
}
