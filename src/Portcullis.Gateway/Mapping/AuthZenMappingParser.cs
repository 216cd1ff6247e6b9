using System.Text.Json;
using Portcullis.Cel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Mapping;

/// <summary>Parses a route's <c>authzen</c> block (the seeds' format, JSON or YAML) into an
/// <see cref="AuthZenMappingConfig"/>, compiling every CEL expression once and listing every problem with its path.</summary>
/// <remarks>
/// <para>Block: <c>{"pdp": {"host", "platform", "store_id", "timeout_ms"} | "embedded", "subject": {"type", "id", "properties"},
/// "resource": {"type", "id", "properties", "include": ["params", "host", "query"]}, "action": {"name", "properties"},
/// "context": properties}</c>. Properties are a list of <c>{"key", "claim" | "value"}</c> or an object of key: value.</para>
/// <para>Values: <c>claim::a.b.c</c> (a dotted path into the token's claims; arrays stay arrays; a missing claim leaves
/// the property out), <c>$expr</c> (CEL over <c>token</c> and <c>request</c>), <c>$$text</c> (the literal
/// <c>$text</c>), anything else a literal.</para>
/// </remarks>
public static class AuthZenMappingParser
{
    /// <summary>Parses the block at <paramref name="block"/>; problem paths start with <paramref name="path"/>
    /// (e.g. <c>routes.docs.authzen</c>).</summary>
    public static AuthZenMappingParseResult Parse(JsonElement block, string path = "authzen", CelOptions? celOptions = null) =>
        Parse(block, path, celOptions, locate: null);

    /// <summary>Parses a JSON text.</summary>
    public static AuthZenMappingParseResult ParseJson(string json, string path = "authzen", CelOptions? celOptions = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return Parse(document.RootElement.Clone(), path, celOptions);
        }
        catch (JsonException e)
        {
            return Failed(path, $"invalid JSON: {e.Message}", (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1);
        }
    }

    /// <summary>Parses a YAML (or JSON) text; problems carry the line and column they come from.</summary>
    public static AuthZenMappingParseResult ParseYaml(string yaml, string path = "authzen", CelOptions? celOptions = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            return Failed(path, $"invalid YAML: {e.Message}", (int)e.Start.Line, (int)e.Start.Column);
        }
        return stream.Documents.Count == 0
            ? new AuthZenMappingParseResult(AuthZenMappingConfig.Default, [])
            : Parse(stream.Documents[0].RootNode, path, celOptions);
    }

    /// <summary>Parses the block at a YAML node of a larger file (the gateway configuration); problems carry the
    /// node's line and column.</summary>
    public static AuthZenMappingParseResult Parse(YamlNode block, string path = "authzen", CelOptions? celOptions = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        if (YamlJsonConverter.Convert(block, positions, out var error) is not { } json)
        {
            return Failed(path, error ?? "unsupported YAML", (int)block.Start.Line, (int)block.Start.Column);
        }
        return Parse(json, path, celOptions, relative => Locate(positions, relative));
    }

    private static AuthZenMappingParseResult Parse(JsonElement block, string path, CelOptions? celOptions, Func<string, (int, int)>? locate)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new MappingProblemList();
        var config = new MappingBlockReader(problems, celOptions ?? CelOptions.Default).Read(block);
        return problems.Count == 0 && config is not null
            ? new AuthZenMappingParseResult(config, [])
            : new AuthZenMappingParseResult(null, problems.ToProblems(path, locate));
    }

    /// <summary>Returns the position of <paramref name="path"/>, or of its nearest ancestor (a missing key is reported
    /// at the object that lacks it).</summary>
    private static (int, int) Locate(Dictionary<string, (int Line, int Column)> positions, string path)
    {
        while (true)
        {
            if (positions.TryGetValue(path, out var position)) return position;
            if (path.Length == 0) return (0, 0);
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut < 0 ? "" : path[..cut];
        }
    }

    private static AuthZenMappingParseResult Failed(string path, string message, int line, int column) =>
        new(null, [new MappingProblem(path, message, Math.Max(line, 0), Math.Max(column, 0))]);
}
