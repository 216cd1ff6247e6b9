using System.Text.Json;
using Portcullis.Cel;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>A compiled COAZ mapping (a default one, or a tool's declared <c>x-authzen-mapping</c>): compile once when
/// the mapping is learned, evaluate per call.</summary>
/// <remarks>Immutable; one instance serves all threads. COAZ-MCP "Mapping Envelopes" and "Declared Mappings".</remarks>
public sealed class CoazMapping
{
    internal CoazMapping(CoazEnvelope envelope, CoazEvaluationTemplate request, IReadOnlyList<CoazEvaluationTemplate> entries)
    {
        Envelope = envelope;
        Request = request;
        Entries = entries;
    }

    /// <summary>Gets the CEL limits of mapping expressions (which may be written by an MCP server).</summary>
    public static CelOptions CelOptions { get; } = new() { MaxExpressionLength = 2_000 };

    /// <summary>Gets the AuthZEN API the mapping's requests go to.</summary>
    public CoazEnvelope Envelope { get; }

    /// <summary>Gets the <c>evaluation</c> body, or the top level of the <c>evaluations</c> body.</summary>
    internal CoazEvaluationTemplate Request { get; }

    /// <summary>Gets the entries of the <c>evaluations</c> body (empty for <c>evaluation</c>).</summary>
    internal IReadOnlyList<CoazEvaluationTemplate> Entries { get; }

    /// <summary>Compiles <paramref name="mapping"/> (the value of <c>x-authzen-mapping</c>); never throws for bad input.</summary>
    public static CoazMappingCompileResult Compile(JsonElement mapping) => new CoazMappingCompiler(CelOptions, serverResource: null).Compile(mapping);

    /// <summary>Compiles a default mapping, reading <c>$token.aud</c> as the configured <paramref name="serverResource"/>.</summary>
    internal static CoazMappingCompileResult CompileDefault(JsonElement mapping, string serverResource) =>
        new CoazMappingCompiler(CelOptions, serverResource).Compile(mapping);
}
