using System.Collections.Frozen;
using System.Text.Json;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The declared mappings of one MCP server's tools, learned from its <c>tools/list</c> responses.</summary>
/// <remarks>
/// <para>COAZ-MCP "Declaring a Mapping": a tool declares a mapping with <c>inputSchema["x-authzen-mapping"]</c>; a tool
/// without one uses the default <c>tools/call</c> mapping. Each mapping is compiled once here; a malformed one is kept as
/// its error, so calls of that tool are mapping errors rather than falling back to the default.</para>
/// <para>Tool names are matched exactly (ordinal, case-sensitive): <c>Delete_File</c> never picks up the mapping of
/// <c>delete_file</c>. A name listed twice with different mappings is ambiguous and kept as an error. Immutable: the
/// stage swaps in a new table (<see cref="With"/>) when a list response or a <c>list_changed</c> refresh arrives.</para>
/// </remarks>
public sealed class DeclaredToolMappings : IDeclaredToolLookup
{
    private const string MappingKey = "x-authzen-mapping";

    private readonly FrozenDictionary<string, CoazMappingCompileResult> _tools;

    private DeclaredToolMappings(FrozenDictionary<string, CoazMappingCompileResult> tools) => _tools = tools;

    /// <summary>Gets the table with no declared mappings.</summary>
    public static DeclaredToolMappings Empty { get; } = new(FrozenDictionary<string, CoazMappingCompileResult>.Empty);

    /// <summary>Gets the number of tools with a declared mapping (malformed ones included).</summary>
    public int Count => _tools.Count;

    /// <summary>Returns the table learned from one <c>tools/list</c> result (the JSON-RPC <c>result</c> object).</summary>
    public static DeclaredToolMappings FromToolsList(JsonElement result) => Empty.With(result);

    /// <summary>Returns this table with the tools of another <c>tools/list</c> result (a further page) added; a tool
    /// listed again is replaced, so a refreshed list wins.</summary>
    public DeclaredToolMappings With(JsonElement result)
    {
        var tools = new Dictionary<string, CoazMappingCompileResult>(_tools, StringComparer.Ordinal);
        var page = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("tools", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return this;
        }
        foreach (var tool in list.EnumerateArray())
        {
            if (tool.ValueKind != JsonValueKind.Object
                || !tool.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            {
                continue;
            }
            var name = nameElement.GetString()!;
            var mapping = tool.TryGetProperty("inputSchema", out var schema) && schema.ValueKind == JsonValueKind.Object
                && schema.TryGetProperty(MappingKey, out var declared) ? declared : (JsonElement?)null;
            var text = mapping?.GetRawText() ?? "";
            if (page.TryGetValue(name, out var seen))
            {
                if (seen != text) tools[name] = CoazMappingCompileResult.Failed("the tool is listed more than once with different mappings");
                continue;
            }
            page[name] = text;
            if (mapping is { } m) tools[name] = CoazMapping.Compile(m);
            else tools.Remove(name);
        }
        return new DeclaredToolMappings(tools.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Returns the declared mapping (or its compile error) of the tool named exactly <paramref name="name"/>.</summary>
    public bool TryGet(string name, out CoazMappingCompileResult mapping) => _tools.TryGetValue(name, out mapping!);
}
