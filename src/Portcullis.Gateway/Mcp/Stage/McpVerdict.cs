namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>What the MCP stage decided for one JSON-RPC message.</summary>
internal enum McpVerdictKind
{
    /// <summary>Forwarded without a decision (<c>ping</c>, notifications, client responses, methods outside <c>enforce_on</c>).</summary>
    Pass,

    /// <summary>The PDP allowed it: forwarded.</summary>
    Allow,

    /// <summary>The PDP denied it, or the method has no mapping: JSON-RPC -32001.</summary>
    Deny,

    /// <summary>No AuthZEN request could be built: JSON-RPC -32602.</summary>
    MappingError,

    /// <summary>The PDP was unreachable or answered something invalid: JSON-RPC -32603 (always fail closed).</summary>
    Unavailable,

    /// <summary>Not a valid message for this endpoint: JSON-RPC -32600.</summary>
    Invalid,
}

/// <summary>The verdict on one message and, when refused, the message for the client (never policy internals).</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Message">Why it was refused, for the client, or null.</param>
/// <param name="CacheHit">Whether the decision came from the decision cache.</param>
internal readonly record struct McpVerdict(McpVerdictKind Kind, string? Message = null, bool CacheHit = false)
{
    /// <summary>Gets whether the message goes to the upstream.</summary>
    public bool Forwards => Kind is McpVerdictKind.Pass or McpVerdictKind.Allow;
}
