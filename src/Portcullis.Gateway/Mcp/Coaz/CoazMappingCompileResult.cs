using System.Diagnostics.CodeAnalysis;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>A compiled COAZ mapping, or why the mapping is malformed.</summary>
/// <remarks>A malformed declared mapping does not fall back to the default: every call of that tool is a mapping error
/// carrying <see cref="Error"/> (fail closed; COAZ-MCP "Mapping Envelopes").</remarks>
public sealed record CoazMappingCompileResult
{
    /// <summary>Gets the compiled mapping, or null.</summary>
    public CoazMapping? Mapping { get; private init; }

    /// <summary>Gets every problem found (paths within the mapping, no values), or null.</summary>
    public string? Error { get; private init; }

    /// <summary>Gets a value indicating whether <see cref="Mapping"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Mapping))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Mapping is not null;

    /// <summary>Returns a success.</summary>
    public static CoazMappingCompileResult Success(CoazMapping mapping) => new() { Mapping = mapping };

    /// <summary>Returns a failure.</summary>
    public static CoazMappingCompileResult Failed(string error) => new() { Error = error };
}
