using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Evaluates a compiled <see cref="CoazMapping"/> for one request into an AuthZEN request, or a mapping error.</summary>
/// <remarks>
/// COAZ-MCP "PEP Behavior" steps 3–6: literals verbatim, expressions over <c>params</c> and <c>token</c>; an error, or an
/// absent or null required field (subject, action, resource and their type, id, name), is a mapping error; an absent
/// optional value (<c>.?</c>) leaves its field out. The subject is anchored to the token: a missing <c>subject</c>,
/// <c>subject.type</c> or <c>subject.id</c> is filled in (<c>identity</c>, the subject-identity claim) and a
/// <c>subject.id</c> that resolves to anything else is a mapping error flagged as a subject mismatch. A declared
/// mapping whose context has no <c>agent</c> gets the token's <c>client_id</c> there. Only an operator-configured mapping
/// (<see cref="CoazMappingSource.Configured"/>) may set <c>subject.id</c> to something else.
/// </remarks>
internal sealed class CoazRequestBuilder
{
    private const string DefaultSubjectType = "identity";
    private const string AgentKey = "agent";
    private const string SubjectIdentitySource = "$token.sub";

    private readonly CoazCaller _caller;
    private readonly MappingEvaluator _evaluator;
    private readonly bool _anchorSubject;
    private MappingFailure? _failure;
    private bool _subjectMismatch;

    private CoazRequestBuilder(CoazCaller caller, JsonElement parameters, bool anchorSubject)
    {
        _caller = caller;
        _anchorSubject = anchorSubject;
        _evaluator = new MappingEvaluator(caller.Claims, new CoazActivation(caller.Token, parameters));
    }

    /// <summary>Builds the request of <paramref name="mapping"/>; <paramref name="parameters"/> must have passed
    /// <see cref="CoazParams.Check"/>.</summary>
    public static CoazMappingResult Build(CoazMapping mapping, CoazMappingSource source, CoazCaller caller, JsonElement parameters)
    {
        var builder = new CoazRequestBuilder(caller, parameters, anchorSubject: source != CoazMappingSource.Configured);
        var declared = source == CoazMappingSource.Declared;
        var top = mapping.Request;
        var subject = builder.Subject(top.Subject);
        var action = builder.Action(top.Action);
        var resource = builder.Resource(top.Resource);
        var context = builder.Context(top.Context, declared);
        if (mapping.Envelope == CoazEnvelope.Evaluation)
        {
            return builder.Result(source) ?? new CoazMappingResult
            {
                Outcome = CoazOutcome.Evaluation,
                Source = source,
                Evaluation = new EvaluationRequest { Subject = subject, Action = action, Resource = resource, Context = context },
            };
        }
        var items = new EvaluationItem[mapping.Entries.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = mapping.Entries[i];
            items[i] = new EvaluationItem
            {
                Action = builder.Action(entry.Action),
                Resource = builder.Resource(entry.Resource),
                Context = entry.Context is null ? null : builder.Attributes(entry.Context, "context", null),
            };
        }
        return builder.Result(source) ?? new CoazMappingResult
        {
            Outcome = CoazOutcome.Evaluations,
            Source = source,
            Evaluations = new EvaluationsRequest { Subject = subject, Action = action, Resource = resource, Context = context, Evaluations = items },
        };
    }

    private CoazMappingResult? Result(CoazMappingSource source) =>
        _failure is { } failure ? CoazMappingResult.Error(source, failure.ToString(), _subjectMismatch) : null;

    private Subject Subject(CoazEntityTemplate? template) => new()
    {
        Type = template?.Type is null ? DefaultSubjectType : Identifier(template.Type, "subject.type"),
        Id = SubjectId(template?.Id),
        Properties = template?.Properties is null ? null : Attributes(template.Properties, "subject.properties", null),
    };

    private string? SubjectId(MappingValue? value)
    {
        // The operator's own configuration (the seeds' format) may name any claim, e.g. claim::preferred_username.
        if (!_anchorSubject && value is not null) return Identifier(value, "subject.id");
        if (_caller.SubjectId is not { } anchored)
        {
            return AuthZenRequestBuilder.Fail(ref _failure, "subject.id", $"the token has no '{_caller.SubjectClaim}' claim (the subject-identity claim)");
        }
        // COAZ-MCP: with an on-behalf-of claim C designated, `$token.sub` as subject.id is read as `$token.C`.
        if (value is null || value.Source == SubjectIdentitySource) return anchored;
        var resolved = Identifier(value, "subject.id");
        if (resolved is null || string.Equals(resolved, anchored, StringComparison.Ordinal)) return resolved;
        _subjectMismatch = _failure is null;
        return AuthZenRequestBuilder.Fail(ref _failure, "subject.id",
            $"{value.Source} does not resolve to the token's subject-identity claim '{_caller.SubjectClaim}'");
    }

    private AccessAction? Action(CoazActionTemplate? template) => template is null ? null : new AccessAction
    {
        Name = Identifier(template.Name, "action.name"),
        Properties = template.Properties is null ? null : Attributes(template.Properties, "action.properties", null),
    };

    private Resource? Resource(CoazEntityTemplate? template) => template is null ? null : new Resource
    {
        Type = Identifier(template.Type, "resource.type"),
        Id = Identifier(template.Id, "resource.id"),
        Properties = template.Properties is null ? null : Attributes(template.Properties, "resource.properties", null),
    };

    private JsonElement? Context(CoazTemplateNode? template, bool declared)
    {
        var agent = declared && _caller.Agent is { } a && (template as CoazObjectNode)?.Has(AgentKey) != true ? a : null;
        if (template is null)
        {
            return agent is null ? null : JsonValues.Build(agent, static (writer, text) =>
            {
                writer.WriteStartObject();
                writer.WriteString(AgentKey, text);
                writer.WriteEndObject();
            });
        }
        return Attributes(template, "context", template is CoazObjectNode ? agent : null);
    }

    private string? Identifier(MappingValue? value, string path) =>
        value is null ? null : AuthZenRequestBuilder.Identifier(_evaluator, value, path, null, ref _failure);

    // Properties and context: an object written in the mapping, or one expression that must give an object.
    private JsonElement? Attributes(CoazTemplateNode template, string path, string? agent)
    {
        if (template is CoazValueNode node)
        {
            if (!Evaluate(node.Value, path, out var mapped) || !mapped.IsPresent) return null;
            if (!mapped.IsObject)
            {
                AuthZenRequestBuilder.Fail(ref _failure, path, $"{node.Value.Source} did not give an object");
                return null;
            }
            return JsonValues.Build(mapped, static (writer, value) => value.WriteTo(writer));
        }
        var state = (Builder: this, Node: (CoazObjectNode)template, Path: path, Agent: agent);
        var json = JsonValues.Build(state, static (writer, s) =>
        {
            writer.WriteStartObject();
            if (s.Agent is not null) writer.WriteString(AgentKey, s.Agent);
            s.Builder.WriteMembers(writer, s.Node, s.Path);
            writer.WriteEndObject();
        });
        return json.GetPropertyCount() == 0 ? null : json;
    }

    private void WriteMembers(Utf8JsonWriter writer, CoazObjectNode node, string path)
    {
        foreach (var (key, member) in node.Members)
        {
            if (member is CoazValueNode value)
            {
                if (!Evaluate(value.Value, path, key, out var mapped) || !mapped.IsPresent) continue;
                writer.WritePropertyName(key);
                mapped.WriteTo(writer);
                continue;
            }
            writer.WritePropertyName(key);
            WriteNested(writer, member, MappingProblemList.Join(path, key));
        }
    }

    private void WriteNested(Utf8JsonWriter writer, CoazTemplateNode node, string path)
    {
        if (node is CoazObjectNode obj)
        {
            writer.WriteStartObject();
            WriteMembers(writer, obj, path);
            writer.WriteEndObject();
            return;
        }
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in ((CoazArrayNode)node).Items)
        {
            if (item is CoazValueNode value)
            {
                if (Evaluate(value.Value, MappingProblemList.Index(path, index), out var mapped) && mapped.IsPresent) mapped.WriteTo(writer);
            }
            else WriteNested(writer, item, MappingProblemList.Index(path, index));
            index++;
        }
        writer.WriteEndArray();
    }

    private bool Evaluate(MappingValue value, string path, out MappedValue mapped) => Evaluate(value, path, "", out mapped);

    private bool Evaluate(MappingValue value, string parent, string key, out MappedValue mapped)
    {
        if (_evaluator.TryEvaluate(value, parent, out mapped, out var error)) return true;
        AuthZenRequestBuilder.Fail(ref _failure, MappingProblemList.Join(parent, key), error);
        return false;
    }
}
