using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Mapping;

/// <summary>Converts a YAML node to JSON with the YAML 1.2 core schema (quoted scalars are strings; plain ones are
/// null, bool or numbers when they look so), remembering where each path came from for messages.</summary>
internal static partial class YamlJsonConverter
{
    private const int MaxDepth = 64;
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Returns <paramref name="node"/> as JSON and the source position of every path in it; null (with a
    /// message) when the node cannot be represented.</summary>
    public static JsonElement? Convert(YamlNode node, Dictionary<string, (int Line, int Column)> positions, out string? error)
    {
        error = null;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            error = Write(writer, node, "", 0, positions);
        }
        if (error is not null) return null;
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private static string? Write(Utf8JsonWriter writer, YamlNode node, string path, int depth, Dictionary<string, (int, int)> positions)
    {
        if (depth > MaxDepth) return $"{path}: values nest deeper than {MaxDepth} levels";
        positions.TryAdd(path, ((int)node.Start.Line, (int)node.Start.Column));
        switch (node)
        {
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                return null;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (Write(writer, sequence.Children[i], MappingProblemList.Index(path, i), depth + 1, positions) is { } e) return e;
                }
                writer.WriteEndArray();
                return null;
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, child) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name }) return $"{path}: keys must be strings";
                    writer.WritePropertyName(name);
                    if (Write(writer, child, MappingProblemList.Join(path, name), depth + 1, positions) is { } e) return e;
                }
                writer.WriteEndObject();
                return null;
            default:
                return $"{path}: unsupported YAML node (an alias to an anchor that is not defined before it?)";
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        var quoted = node.Style is not ScalarStyle.Plain and not ScalarStyle.Any || (!node.Tag.IsEmpty && node.Tag.Value == StringTag);
        if (quoted)
        {
            writer.WriteStringValue(text);
            return;
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": writer.WriteNullValue(); return;
            case "true" or "True" or "TRUE": writer.WriteBooleanValue(true); return;
            case "false" or "False" or "FALSE": writer.WriteBooleanValue(false); return;
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            writer.WriteNumberValue(d);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
