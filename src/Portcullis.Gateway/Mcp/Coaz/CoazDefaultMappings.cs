using System.Collections.Frozen;
using System.Text.Json;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The default mappings compiled for one MCP route (its resource identifier is their server-wide resource).</summary>
/// <remarks>Method names are matched exactly (case-sensitive, ordinal), so a look-alike or differently cased method
/// finds no mapping and is denied.</remarks>
internal sealed class CoazDefaultMappings
{
    private static readonly JsonDocumentOptions DataOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly FrozenDictionary<string, (CoazMapping Mapping, CoazMappingSource Source)> _mappings;

    /// <summary>Compiles the defaults with <paramref name="serverResource"/> as the MCP server's resource id.</summary>
    public CoazDefaultMappings(string serverResource)
    {
        var mappings = new Dictionary<string, (CoazMapping, CoazMappingSource)>(StringComparer.Ordinal);
        Add(mappings, CoazDefaultMappingData.Binding, CoazMappingSource.Default, serverResource);
        Add(mappings, CoazDefaultMappingData.PortcullisExtension, CoazMappingSource.PortcullisExtension, serverResource);
        _mappings = mappings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the methods that have a default mapping.</summary>
    public IEnumerable<string> Methods => _mappings.Keys;

    /// <summary>Returns the default mapping of <paramref name="method"/>, if it has one.</summary>
    public bool TryGet(string method, out CoazMapping mapping, out CoazMappingSource source)
    {
        if (_mappings.TryGetValue(method, out var entry))
        {
            (mapping, source) = entry;
            return true;
        }
        mapping = null!;
        source = CoazMappingSource.None;
        return false;
    }

    private static void Add(Dictionary<string, (CoazMapping, CoazMappingSource)> mappings, string data, CoazMappingSource source, string serverResource)
    {
        using var document = JsonDocument.Parse(data, DataOptions);
        foreach (var method in document.RootElement.EnumerateObject())
        {
            var compiled = CoazMapping.CompileDefault(method.Value, serverResource);
            // The data is ours: a problem here is a defect, found by the first test that builds a mapper.
            if (!compiled.Succeeded) throw new InvalidOperationException($"default mapping for {method.Name}: {compiled.Error}");
            mappings.Add(method.Name, (compiled.Mapping, source));
        }
    }
}
