using System.Text.Json;
using Portcullis.Cel;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Compiles a COAZ mapping (JSON) into templates once, collecting every problem instead of throwing.</summary>
/// <remarks>COAZ-MCP "Mapping Envelopes", "Expressions and Literals" and "Declared Mappings". A declared mapping is
/// written by the MCP server, so it is bounded (nesting, size) and strict: an unknown member is a problem rather than
/// something silently ignored.</remarks>
internal sealed class CoazMappingCompiler
{
    /// <summary>The deepest nesting of a mapping accepted.</summary>
    public const int MaxDepth = 16;

    /// <summary>The most values (literals, expressions, objects, lists) one mapping may hold.</summary>
    public const int MaxNodes = 1_000;

    private const string EvaluationKey = "evaluation";
    private const string EvaluationsKey = "evaluations";
    private const string ServerAudienceSource = "$token.aud";

    private readonly CelOptions _options;
    private readonly string? _serverResource;
    private readonly MappingProblemList _problems = new();
    private int _nodes;

    /// <param name="options">The CEL limits for the mapping's expressions.</param>
    /// <param name="serverResource">When set, the value <c>$token.aud</c> compiles to this literal: the PEP's configured
    /// resource identifier, which COAZ-MCP allows in place of <c>aud</c> (used for the default mappings).</param>
    public CoazMappingCompiler(CelOptions options, string? serverResource)
    {
        _options = options;
        _serverResource = serverResource;
    }

    /// <summary>Returns the compiled mapping, or the problems (paths relative to the mapping).</summary>
    public CoazMappingCompileResult Compile(JsonElement mapping)
    {
        if (mapping.ValueKind != JsonValueKind.Object || Count(mapping) != 1)
        {
            return CoazMappingCompileResult.Failed("malformed mapping: it must be an object with exactly one key, 'evaluation' or 'evaluations'");
        }
        var envelope = mapping.EnumerateObject().First();
        CoazMapping? result = envelope.Name switch
        {
            EvaluationKey => CompileEvaluation(envelope.Value),
            EvaluationsKey => CompileEvaluations(envelope.Value),
            _ => null,
        };
        if (result is null && _problems.Count == 0)
        {
            return CoazMappingCompileResult.Failed("malformed mapping: its key must be 'evaluation' or 'evaluations'");
        }
        return _problems.Count > 0 || result is null
            ? CoazMappingCompileResult.Failed(string.Join("; ", _problems.ToProblems("", null)))
            : CoazMappingCompileResult.Success(result);
    }

    private CoazMapping? CompileEvaluation(JsonElement body)
    {
        var template = Body(body, EvaluationKey, allowSubject: true, allowEntries: false);
        if (template is null) return null;
        RequireTarget(template.Action, template.Resource, EvaluationKey);
        return new CoazMapping(CoazEnvelope.Evaluation, template, []);
    }

    private CoazMapping? CompileEvaluations(JsonElement body)
    {
        var top = Body(body, EvaluationsKey, allowSubject: true, allowEntries: true);
        if (top is null) return null;
        var entriesPath = MappingProblemList.Join(EvaluationsKey, EvaluationsKey);
        if (!body.TryGetProperty(EvaluationsKey, out var entries) || entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() == 0)
        {
            _problems.Add(entriesPath, "must be a non-empty list of evaluations");
            return null;
        }
        var compiled = new List<CoazEvaluationTemplate>(entries.GetArrayLength());
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = MappingProblemList.Index(entriesPath, index++);
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("subject", out _))
            {
                _problems.Add(MappingProblemList.Join(path, "subject"),
                    "a declared mapping must not set a subject per evaluation; the top-level subject applies to all");
                continue;
            }
            if (Body(entry, path, allowSubject: false, allowEntries: false) is not { } item) continue;
            RequireTarget(item.Action ?? top.Action, item.Resource ?? top.Resource, path);
            compiled.Add(item);
        }
        return new CoazMapping(CoazEnvelope.Evaluations, top, compiled);
    }

    private CoazEvaluationTemplate? Body(JsonElement body, string path, bool allowSubject, bool allowEntries)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            _problems.Add(path, "must be an object");
            return null;
        }
        CoazEntityTemplate? subject = null, resource = null;
        CoazActionTemplate? action = null;
        CoazTemplateNode? context = null;
        foreach (var member in body.EnumerateObject())
        {
            var memberPath = MappingProblemList.Join(path, member.Name);
            switch (member.Name)
            {
                case "subject" when allowSubject: subject = Entity(member.Value, memberPath); break;
                case "resource": resource = Entity(member.Value, memberPath); break;
                case "action": action = Action(member.Value, memberPath); break;
                case "context": context = Attributes(member.Value, memberPath, 1); break;
                case EvaluationsKey when allowEntries: break;
                default: _problems.Add(memberPath, "unknown member"); break;
            }
        }
        return new CoazEvaluationTemplate(subject, action, resource, context);
    }

    private void RequireTarget(CoazActionTemplate? action, CoazEntityTemplate? resource, string path)
    {
        if (action?.Name is null) _problems.Add(MappingProblemList.Join(path, "action.name"), "is required");
        if (resource?.Type is null) _problems.Add(MappingProblemList.Join(path, "resource.type"), "is required");
        if (resource?.Id is null) _problems.Add(MappingProblemList.Join(path, "resource.id"), "is required");
    }

    private CoazEntityTemplate? Entity(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _problems.Add(path, "must be an object");
            return null;
        }
        MappingValue? type = null, id = null;
        CoazTemplateNode? properties = null;
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = MappingProblemList.Join(path, member.Name);
            switch (member.Name)
            {
                case "type": type = Identifier(member.Value, memberPath); break;
                case "id": id = Identifier(member.Value, memberPath); break;
                case "properties": properties = Attributes(member.Value, memberPath, 2); break;
                default: _problems.Add(memberPath, "unknown member (attributes go under 'properties')"); break;
            }
        }
        return new CoazEntityTemplate(type, id, properties);
    }

    private CoazActionTemplate? Action(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _problems.Add(path, "must be an object");
            return null;
        }
        MappingValue? name = null;
        CoazTemplateNode? properties = null;
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = MappingProblemList.Join(path, member.Name);
            switch (member.Name)
            {
                case "name": name = Identifier(member.Value, memberPath); break;
                case "properties": properties = Attributes(member.Value, memberPath, 2); break;
                default: _problems.Add(memberPath, "unknown member (attributes go under 'properties')"); break;
            }
        }
        return new CoazActionTemplate(name, properties);
    }

    private MappingValue? Identifier(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            _problems.Add(path, "must be a string (a literal or a $expression)");
            return null;
        }
        return (Node(element, path, 0) as CoazValueNode)?.Value;
    }

    // Properties and context: an object written out, or one expression that must give an object.
    private CoazTemplateNode? Attributes(JsonElement element, string path, int depth)
    {
        if (element.ValueKind == JsonValueKind.Object || (element.ValueKind == JsonValueKind.String && element.GetString()!.StartsWith('$')))
        {
            return Node(element, path, depth);
        }
        _problems.Add(path, "must be an object or a $expression giving one");
        return null;
    }

    private CoazTemplateNode? Node(JsonElement element, string path, int depth)
    {
        if (++_nodes > MaxNodes)
        {
            if (_nodes == MaxNodes + 1) _problems.Add(path, $"the mapping holds more than {MaxNodes} values");
            return null;
        }
        if (depth > MaxDepth)
        {
            _problems.Add(path, $"the mapping nests deeper than {MaxDepth} levels");
            return null;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<KeyValuePair<string, CoazTemplateNode>>();
                foreach (var member in element.EnumerateObject())
                {
                    if (Node(member.Value, MappingProblemList.Join(path, member.Name), depth + 1) is { } node) members.Add(new(member.Name, node));
                }
                return new CoazObjectNode(members);
            case JsonValueKind.Array:
                var items = new List<CoazTemplateNode>();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Node(item, MappingProblemList.Index(path, index++), depth + 1) is { } node) items.Add(node);
                }
                return new CoazArrayNode(items);
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (_serverResource is not null && text == ServerAudienceSource) return new CoazValueNode(MappingValue.Text(_serverResource) with { Source = text });
                var value = text.StartsWith('$') ? MappingValueParser.ParseDollar(text, path, _problems, _options) : MappingValue.Text(text);
                return value is null ? null : new CoazValueNode(value);
            default:
                return new CoazValueNode(new MappingValue { Kind = MappingValueKind.Literal, Source = element.GetRawText(), Literal = element.Clone() });
        }
    }

    private static int Count(JsonElement element)
    {
        var count = 0;
        foreach (var unused in element.EnumerateObject()) count++;
        return count;
    }
}
