using System.Globalization;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>Typed access to YAML nodes of one file that reports every mismatch as a diagnostic with line and column.</summary>
internal sealed class YamlFileReader(string file, string text, List<SourceDiagnostic> diagnostics)
{
    private string[]? _lines;

    /// <summary>Gets the file's path.</summary>
    public string File => file;

    /// <summary>Returns where <paramref name="node"/> starts.</summary>
    public PolicyLocation Locate(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Reports a problem at <paramref name="node"/>.</summary>
    public void Report(YamlNode node, string message) => Report(Locate(node), message);

    /// <summary>Reports a problem at <paramref name="location"/>.</summary>
    public void Report(PolicyLocation location, string message) =>
        diagnostics.Add(new SourceDiagnostic(location.File, location.Line, location.Column, message));

    /// <summary>Returns the node as a mapping, or reports that <paramref name="what"/> must be one.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Report(node, $"{what} must be a mapping (key: value pairs), not {Describe(node)}");
        return null;
    }

    /// <summary>Returns the node as a sequence, or reports that <paramref name="what"/> must be one.</summary>
    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode list) return list;
        Report(node, $"{what} must be a list, not {Describe(node)}");
        return null;
    }

    /// <summary>Returns the entries of <paramref name="map"/> whose keys are in <paramref name="allowed"/>; reports the others.</summary>
    public List<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string what, params string[] allowed)
    {
        var entries = new List<(string, YamlNode, YamlNode)>();
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Report(keyNode, $"keys of {what} must be plain names");
                continue;
            }
            if (Array.IndexOf(allowed, key) < 0)
            {
                Report(keyNode, $"unknown field '{key}' in {what} (expected one of: {string.Join(", ", allowed)})");
                continue;
            }
            entries.Add((key, keyNode, value));
        }
        return entries;
    }

    /// <summary>Returns a scalar's text, or reports that <paramref name="what"/> must be a non-empty string.</summary>
    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar) && !string.IsNullOrEmpty(scalar.Value)) return scalar.Value;
        Report(node, $"{what} must be a non-empty string, not {Describe(node)}");
        return null;
    }

    /// <summary>Returns a list of non-empty strings, reporting each bad item.</summary>
    public List<string> Strings(YamlNode node, string what) =>
        [.. StringNodes(node, what).Select(s => s.Name)];

    /// <summary>Returns a list of non-empty strings with their locations, reporting each bad item.</summary>
    public List<NamedReference> StringNodes(YamlNode node, string what)
    {
        var result = new List<NamedReference>();
        if (Sequence(node, what) is not { } list) return result;
        foreach (var item in list.Children)
        {
            if (String(item, $"each item of {what}") is { } value) result.Add(new NamedReference(value, Locate(item)));
        }
        return result;
    }

    /// <summary>Returns a CEL expression written as a string scalar.</summary>
    public ExpressionSource? Expression(YamlNode node, string what)
    {
        if (String(node, what) is not { } text) return null;
        var style = ((YamlScalarNode)node).Style;
        var indent = style is ScalarStyle.Literal or ScalarStyle.Folded ? BlockIndent((int)node.Start.Line) : 0;
        return new ExpressionSource(text, Locate(node), style, indent);
    }

    /// <summary>Converts a YAML value (a constant) to CEL as Cerbos does through JSON: numbers become doubles.</summary>
    public CelValue Value(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var entries = CelMap.NewDictionary(map.Children.Count);
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name }) entries[CelValue.String(name)] = Value(value);
                    else Report(key, "keys of a constant's map must be strings");
                }
                return CelValue.Map(CelMap.Of(entries));
            case YamlSequenceNode list:
                return CelValue.List(CelList.Of([.. list.Children.Select(Value)]));
            case YamlScalarNode scalar:
                return YamlScalars.ToCel(scalar);
            default:
                Report(node, "aliases are not supported in constants");
                return CelValue.Null;
        }
    }

    /// <summary>Returns whether the scalar is YAML's null.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private int BlockIndent(int startLine)
    {
        _lines ??= text.Split('\n');
        for (var i = startLine; i < _lines.Length; i++)
        {
            var line = _lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            return line.Length - line.TrimStart(' ').Length;
        }
        return 0;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
