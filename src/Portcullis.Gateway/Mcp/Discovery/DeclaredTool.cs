using System.Text.Json;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>One tool as the last <c>tools/list</c> listed it: its declared mapping and MCP Apps links.</summary>
/// <typeparam name="TCompiled">The compiled mapping's type (the COAZ mapping compiler's).</typeparam>
public sealed record DeclaredTool<TCompiled>
{
    /// <summary>Gets the tool's name (exact).</summary>
    public required string Name { get; init; }

    /// <summary>Gets what is known of its mapping: <see cref="DeclaredMappingKind.NotDeclared"/>,
    /// <see cref="DeclaredMappingKind.Declared"/> or <see cref="DeclaredMappingKind.Invalid"/>.</summary>
    public required DeclaredMappingKind Kind { get; init; }

    /// <summary>Gets the declared <c>x-authzen-mapping</c> (a clone), or null.</summary>
    public JsonElement? Mapping { get; init; }

    /// <summary>Gets the compiled mapping when <see cref="Kind"/> is <see cref="DeclaredMappingKind.Declared"/>.</summary>
    public TCompiled? Compiled { get; init; }

    /// <summary>Gets why the mapping is <see cref="DeclaredMappingKind.Invalid"/>, or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Gets the MCP Apps resources the tool links (<c>_meta.ui.resourceUri</c> and the legacy flat key).</summary>
    public IReadOnlyList<string> UiResourceUris { get; init; } = [];

    /// <summary>Gets the mapping's size in UTF-8 bytes (0 without one).</summary>
    internal int MappingBytes { get; init; }
}
