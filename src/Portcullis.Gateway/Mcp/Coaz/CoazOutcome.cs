namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>What the MCP stage does with one JSON-RPC request after COAZ-MCP mapping.</summary>
public enum CoazOutcome
{
    /// <summary>Forward without asking the PDP (<c>ping</c>, <c>notifications/*</c>, or a method outside the route's
    /// <c>enforce_on.methods</c>).</summary>
    PassThrough,

    /// <summary>Ask the Access Evaluation API with <see cref="CoazMappingResult.Evaluation"/>.</summary>
    Evaluation,

    /// <summary>Ask the Access Evaluations API with <see cref="CoazMappingResult.Evaluations"/>; allow only if every
    /// decision is a permit.</summary>
    Evaluations,

    /// <summary>Refuse without asking the PDP: the method has no mapping (JSON-RPC <c>-32001</c>).</summary>
    Denied,

    /// <summary>Refuse without asking the PDP: no valid AuthZEN request could be built (JSON-RPC <c>-32602</c>).</summary>
    MappingError,
}
