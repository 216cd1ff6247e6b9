using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The COAZ-MCP mapping of one JSON-RPC request: pass it, ask the PDP with an AuthZEN request, or refuse it.</summary>
/// <remarks>
/// <para>The MCP stage answers <see cref="CoazOutcome.Denied"/> with JSON-RPC <c>-32001</c> and
/// <see cref="CoazOutcome.MappingError"/> with <c>-32602</c> and the message <c>"COAZ mapping error: " + Message</c>,
/// always with the request's id and never forwarding (COAZ-MCP "Error Handling"). <see cref="Message"/> names fields,
/// expressions and claims, never claim values or tokens.</para>
/// <para>When <see cref="SubjectMismatch"/> is set, a declared mapping tried to decide for a subject other than the
/// token's: the stage logs a warning (the MCP server authored it) besides answering the mapping error.</para>
/// </remarks>
public sealed record CoazMappingResult
{
    /// <summary>Gets what to do with the request.</summary>
    public required CoazOutcome Outcome { get; init; }

    /// <summary>Gets which mapping was applied.</summary>
    public CoazMappingSource Source { get; init; }

    /// <summary>Gets the Access Evaluation request when <see cref="Outcome"/> is <see cref="CoazOutcome.Evaluation"/>.</summary>
    public EvaluationRequest? Evaluation { get; init; }

    /// <summary>Gets the Access Evaluations request when <see cref="Outcome"/> is <see cref="CoazOutcome.Evaluations"/>.</summary>
    public EvaluationsRequest? Evaluations { get; init; }

    /// <summary>Gets why the request is refused (denied or mapping error), or null.</summary>
    public string? Message { get; init; }

    /// <summary>Gets a value indicating whether a mapping's <c>subject.id</c> differed from the token's
    /// subject-identity claim (always a mapping error; the stage also logs a warning).</summary>
    public bool SubjectMismatch { get; init; }

    /// <summary>Gets the pass-through result.</summary>
    public static CoazMappingResult PassThrough { get; } = new() { Outcome = CoazOutcome.PassThrough };

    /// <summary>Gets the denial of a method that has no mapping (the message does not repeat the caller's method name).</summary>
    public static CoazMappingResult UnknownMethod { get; } =
        new() { Outcome = CoazOutcome.Denied, Message = "the method has no COAZ-MCP mapping" };

    /// <summary>Returns a mapping error.</summary>
    public static CoazMappingResult Error(CoazMappingSource source, string message, bool subjectMismatch = false) =>
        new() { Outcome = CoazOutcome.MappingError, Source = source, Message = message, SubjectMismatch = subjectMismatch };
}
