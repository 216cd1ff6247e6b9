using Portcullis.Gateway.Mapping;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads typed values out of YAML nodes, recording a located problem for every wrong one.</summary>
internal sealed class YamlReader(List<MappingProblem> problems)
{
    /// <summary>Gets how many problems were recorded so far (a block reader compares it before and after).</summary>
    public int ProblemCount => problems.Count;

    public void Add(MappingProblem problem) => problems.Add(problem);

    public void Problem(YamlNode node, string path, string message) =>
        problems.Add(new MappingProblem(path, message, (int)node.Start.Line, (int)node.Start.Column));

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlMappingNode? Mapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode map) return map;
        Problem(node, path, "must be a mapping");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string path)
    {
        if (node is YamlSequenceNode list) return list;
        Problem(node, path, "must be a list");
        return null;
    }

    public string? OptionalString(YamlMappingNode map, string key, string path)
    {
        if (Child(map, key) is not { } node) return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } value }) return value;
        Problem(node, path, "must be a non-empty text");
        return null;
    }

    public string? RequiredString(YamlMappingNode map, string key, string path)
    {
        if (Child(map, key) is null)
        {
            Problem(map, path, "is required");
            return null;
        }
        return OptionalString(map, key, path);
    }

    public Uri? OptionalUri(YamlMappingNode map, string key, string path)
    {
        if (OptionalString(map, key, path) is not { } text) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)) return uri;
        Problem(Child(map, key)!, path, "must be an absolute address");
        return null;
    }

    public bool? OptionalBool(YamlMappingNode map, string key, string path)
    {
        if (OptionalString(map, key, path) is not { } text) return null;
        if (bool.TryParse(text, out var value)) return value;
        Problem(Child(map, key)!, path, "must be true or false");
        return null;
    }

    /// <summary>Returns the whole number at <paramref name="key"/> when it lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? OptionalInt(YamlMappingNode map, string key, string path, int min, int max)
    {
        if (OptionalString(map, key, path) is not { } text) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Problem(Child(map, key)!, path, $"must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>Records a problem for every key of <paramref name="map"/> not in <paramref name="known"/>: a typo must
    /// not silently drop a security setting.</summary>
    public void UnknownKeys(YamlMappingNode map, string path, IReadOnlyCollection<string> known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name)) Problem(key, path.Length == 0 ? name : path + "." + name, $"unknown key (known: {string.Join(", ", known)})");
        }
    }

    public IReadOnlyList<string>? StringList(YamlMappingNode map, string key, string path)
    {
        if (Child(map, key) is not { } node) return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } single }) return [single];
        if (node is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            Problem(node, path, "must be a list of texts");
            return null;
        }
        return [.. list.Children.Cast<YamlScalarNode>().Select(c => c.Value!)];
    }
}
