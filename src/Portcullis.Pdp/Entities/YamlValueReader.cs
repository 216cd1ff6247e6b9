using Portcullis.Cel.Values;
using Portcullis.Pdp.Loading;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Pdp.Entities;

/// <summary>Converts YAML nodes (JSON is YAML) to CEL values, reporting problems instead of throwing. Bounded in
/// depth and in the number of nodes per file, so aliases cannot blow a small file up into a huge value.</summary>
internal sealed class YamlValueReader(string file, List<SourceDiagnostic> diagnostics)
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 1_000_000;
    private int _nodes;

    /// <summary>Returns the value of <paramref name="node"/>, or null (with a diagnostic) when it cannot be converted.</summary>
    public CelValue? Read(YamlNode node) => Read(node, 0);

    /// <summary>Records a problem at <paramref name="node"/>.</summary>
    public void Report(YamlNode node, string message) =>
        diagnostics.Add(new SourceDiagnostic(file, (int)node.Start.Line, (int)node.Start.Column, message));

    /// <summary>Reads a mapping into a CEL map with string keys, or null (with a diagnostic) when it is not one.</summary>
    public CelMap? ReadMap(YamlNode node, string what)
    {
        if (node is not YamlMappingNode)
        {
            Report(node, $"{what} must be a mapping (a JSON object)");
            return null;
        }
        var value = Read(node, 0);
        return value is { Kind: CelValueKind.Map } map ? map.AsMap : null;
    }

    private CelValue? Read(YamlNode node, int depth)
    {
        if (++_nodes > MaxNodes)
        {
            if (_nodes == MaxNodes + 1) Report(node, $"the file expands to more than {MaxNodes} values (check anchors and aliases)");
            return null;
        }
        if (depth > MaxDepth)
        {
            Report(node, $"values nest deeper than {MaxDepth} levels");
            return null;
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                return YamlScalars.ToCel(scalar);
            case YamlSequenceNode sequence:
                var items = new CelValue[sequence.Children.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    if (Read(sequence.Children[i], depth + 1) is not { } item) return null;
                    items[i] = item;
                }
                return CelValue.List(CelList.Of(items));
            case YamlMappingNode mapping:
                var entries = CelMap.NewDictionary(mapping.Children.Count);
                foreach (var (key, child) in mapping.Children)
                {
                    if (key is not YamlScalarNode keyScalar)
                    {
                        Report(key, "keys must be strings");
                        return null;
                    }
                    if (Read(child, depth + 1) is not { } value) return null;
                    entries[CelValue.String(keyScalar.Value ?? string.Empty)] = value;
                }
                return CelValue.Map(CelMap.Of(entries));
            default:
                Report(node, "unsupported YAML node (an alias to an anchor that is not defined before it?)");
                return null;
        }
    }
}
