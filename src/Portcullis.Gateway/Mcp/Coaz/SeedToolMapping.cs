using System.Text;
using Portcullis.Cel;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Turns a route's <c>authzen</c> block written in the seeds' plugin format into the route's configured
/// <c>tools/call</c> mapping (issue 5: <c>action.name: "mcp::tool::name"</c>, <c>mcp::tool::arguments::a.b</c>).</summary>
/// <remarks>
/// <para>Values keep the REST mapping's syntax (<c>claim::a.b</c>, <c>$expr</c> over <c>token</c>, literals) and add
/// <c>mcp::tool::name</c> (the called tool) and <c>mcp::tool::arguments::path</c> (an argument; dots descend into
/// objects). An argument the call does not carry leaves a property out and makes a type, id or name a mapping error.
/// Unset parts default to the binding's <c>tools/call</c> mapping: subject <c>{identity, subject-identity claim}</c>,
/// action <c>tools/call</c>, resource <c>{tool, name}</c>. The block's PDP settings and REST-only switches
/// (<c>include_params</c> ...) are the caller's concern and ignored here.</para>
/// <para>Pass the result to <see cref="CoazMapper(Configuration.McpRouteConfig, CoazMapping?)"/>; with
/// <see cref="Configuration.McpRouteConfig.EnforceOnMethods"/> it reproduces the seeds' <c>mcp.enforce_on.methods</c>.</para>
/// </remarks>
public static class SeedToolMapping
{
    /// <summary>The prefix of the seeds' MCP values.</summary>
    public const string Prefix = "mcp::";

    private const string ToolName = "mcp::tool::name";
    private const string ArgumentPrefix = "mcp::tool::arguments::";

    /// <summary>Returns whether any value of <paramref name="block"/> is one of the seeds' <c>mcp::</c> values, so the
    /// block is the route's configured <c>tools/call</c> mapping.</summary>
    public static bool IsUsedBy(AuthZenMappingConfig block)
    {
        ArgumentNullException.ThrowIfNull(block);
        IEnumerable<MappingValue?> values =
        [
            block.Subject.Type, block.Subject.Id, block.Action.Name, block.Resource.Type, block.Resource.Id,
            .. block.Subject.Properties.Select(static p => p.Value), .. block.Action.Properties.Select(static p => p.Value),
            .. block.Resource.Properties.Select(static p => p.Value), .. block.Context.Select(static p => p.Value),
        ];
        return values.Any(static v => v is { Kind: MappingValueKind.Literal } && v.Source.StartsWith(Prefix, StringComparison.Ordinal));
    }

    /// <summary>Returns the configured mapping of <paramref name="block"/>, or null with every problem in
    /// <paramref name="error"/> (an unknown <c>mcp::</c> value, an empty argument path).</summary>
    public static CoazMapping? FromAuthZenBlock(AuthZenMappingConfig block, out string? error)
    {
        ArgumentNullException.ThrowIfNull(block);
        var problems = new MappingProblemList();
        var subject = block.Subject.Type is null && block.Subject.Id is null && block.Subject.Properties.Count == 0
            ? null
            : new CoazEntityTemplate(Value(block.Subject.Type, "subject.type", problems), Value(block.Subject.Id, "subject.id", problems),
                Properties(block.Subject.Properties, "subject.properties", problems));
        var action = new CoazActionTemplate(
            Value(block.Action.Name, "action.name", problems) ?? MappingValue.Text("tools/call"),
            Properties(block.Action.Properties, "action.properties", problems));
        var resource = new CoazEntityTemplate(
            Value(block.Resource.Type, "resource.type", problems) ?? MappingValue.Text("tool"),
            Value(block.Resource.Id, "resource.id", problems) ?? Value(MappingValue.Text(ToolName), "resource.id", problems),
            Properties(block.Resource.Properties, "resource.properties", problems));
        var context = Properties(block.Context, "context", problems);
        if (problems.Count > 0)
        {
            error = string.Join("; ", problems.ToProblems("", null));
            return null;
        }
        error = null;
        return new CoazMapping(CoazEnvelope.Evaluation, new CoazEvaluationTemplate(subject, action, resource, context), []);
    }

    private static CoazObjectNode? Properties(IReadOnlyList<PropertyMapping> properties, string path, MappingProblemList problems)
    {
        if (properties.Count == 0) return null;
        var members = new List<KeyValuePair<string, CoazTemplateNode>>(properties.Count);
        foreach (var property in properties)
        {
            if (Value(property.Value, MappingProblemList.Join(path, property.Key), problems) is { } value) members.Add(new(property.Key, new CoazValueNode(value)));
        }
        return new CoazObjectNode(members);
    }

    private static MappingValue? Value(MappingValue? value, string path, MappingProblemList problems)
    {
        if (value is not { Kind: MappingValueKind.Literal, Literal: { ValueKind: System.Text.Json.JsonValueKind.String } literal }) return value;
        var text = literal.GetString()!;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || value.Source != text) return value;
        string? source = null;
        if (text == ToolName) source = "params[?\"name\"]";
        else if (text.StartsWith(ArgumentPrefix, StringComparison.Ordinal)) source = ArgumentSource(text[ArgumentPrefix.Length..]);
        if (source is null)
        {
            problems.Add(path, $"unknown MCP value (write {ToolName} or {ArgumentPrefix}name.nested)");
            return null;
        }
        return new MappingValue { Kind = MappingValueKind.Expression, Source = text, Expression = CelProgram.Compile(source, CoazMapping.CelOptions) };
    }

    // params[?"arguments"][?"a"][?"b"]: optional selection, with names quoted so any argument name is safe.
    private static string? ArgumentSource(string dotted)
    {
        var segments = dotted.Split('.');
        if (segments.Any(s => s.Length == 0)) return null;
        var source = new StringBuilder("params[?\"arguments\"]");
        foreach (var segment in segments)
        {
            source.Append("[?\"");
            foreach (var c in segment)
            {
                if (c is '"' or '\\') source.Append('\\');
                if (char.IsControl(c)) source.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                else source.Append(c);
            }
            source.Append("\"]");
        }
        return source.ToString();
    }
}
