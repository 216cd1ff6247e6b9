using Portcullis.Cel;
using Portcullis.Gateway.Mapping;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads <c>identity_headers: {strip: [names or prefix*], inject: {Header-Name: mapping value}}</c>.</summary>
internal static class IdentityHeadersConfigReader
{
    private static readonly string[] Keys = ["strip", "inject"];

    /// <summary>Headers the gateway never injects: they frame the message, route it, or carry the request id or a credential.</summary>
    private static readonly string[] Reserved =
        ["Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Upgrade", "Te", "Trailer", "Keep-Alive",
         "Proxy-Connection", "Authorization", "Proxy-Authorization", "Cookie", "X-Request-ID"];

    public static IdentityHeadersConfig Read(YamlReader reader, YamlNode node, string path)
    {
        if (reader.Mapping(node, path) is not { } map) return IdentityHeadersConfig.Default;
        reader.UnknownKeys(map, path, Keys);
        var config = IdentityHeadersConfig.Default;
        if (reader.Child(map, "strip") is not null && reader.StringList(map, "strip", path + ".strip") is { } strip)
        {
            foreach (var pattern in strip)
            {
                var name = pattern.EndsWith('*') ? pattern[..^1] : pattern;
                if (!HttpTokens.IsToken(name) || name.Contains('*', StringComparison.Ordinal))
                    reader.Problem(reader.Child(map, "strip")!, path + ".strip", $"'{pattern}' is not a header name or a prefix ending in '*'");
            }
            config = config with { Strip = strip };
        }
        if (reader.Child(map, "inject") is { } injectNode && reader.Mapping(injectNode, path + ".inject") is { } inject)
        {
            config = config with { Inject = ReadInject(reader, inject, path + ".inject") };
        }
        return config;
    }

    private static Dictionary<string, MappingValue> ReadInject(YamlReader reader, YamlMappingNode inject, string path)
    {
        var result = new Dictionary<string, MappingValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in inject.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var itemPath = path + "." + name;
            if (!HttpTokens.IsToken(name) || name.Contains('*', StringComparison.Ordinal)) reader.Problem(keyNode, itemPath, "is not a header name");
            else if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase)) reader.Problem(keyNode, itemPath, "is reserved: the gateway does not set this header");
            else if (result.ContainsKey(name)) reader.Problem(keyNode, itemPath, "is set twice (header names ignore case)");
            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                reader.Problem(valueNode, itemPath, "must be a text: a literal, claim::path or $expression");
                continue;
            }
            var problems = new MappingProblemList();
            if (MappingValueParser.ParseText(text, "", problems, CelOptions.Default) is { } value) result[name] = value;
            foreach (var problem in problems.ToProblems(itemPath, _ => ((int)valueNode.Start.Line, (int)valueNode.Start.Column))) reader.Add(problem);
        }
        return result;
    }
}
