using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mapping;

/// <summary>Turns an authenticated, routed request into an AuthZEN evaluation request by a route's mapping.</summary>
/// <remarks>
/// <para>Defaults follow the AuthZEN REST API gateway profile used at the interop events: subject
/// <c>{"type": "identity", "id": sub}</c>, resource <c>{"type": "route", "id": "/todos/{todoId}"}</c>, action
/// <c>{"name": "DELETE"}</c>. Context is always <c>{"ip", "time" (RFC 3339, UTC), "request_id"}</c> followed by the
/// configured context properties. Properties keep configuration order; included resource properties follow
/// (<c>params</c>, <c>host</c>, <c>query</c>), and <c>platform: cerbos</c> appends <c>cerbos.roles</c> (the strings of
/// the mapped <c>roles</c> property).</para>
/// <para>Never throws for request data: an expression error, or a subject id that is missing or not a string, is a
/// <see cref="MappingFailure"/> (see <see cref="MappingResult"/> for how the gateway answers it).</para>
/// </remarks>
public static class AuthZenRequestBuilder
{
    /// <summary>The default subject type.</summary>
    public const string DefaultSubjectType = "identity";

    /// <summary>The default resource type.</summary>
    public const string DefaultResourceType = "route";

    /// <summary>The context key of the client's IP address.</summary>
    public const string ContextIp = "ip";

    /// <summary>The context key of the request time.</summary>
    public const string ContextTime = "time";

    /// <summary>The context key of the request id.</summary>
    public const string ContextRequestId = "request_id";

    /// <summary>The resource property holding the route parameters.</summary>
    public const string ResourceParams = "params";

    /// <summary>The resource property holding the host.</summary>
    public const string ResourceHost = "host";

    /// <summary>The resource property holding the query.</summary>
    public const string ResourceQuery = "query";

    /// <summary>The subject property Cerbos reads roles from.</summary>
    public const string CerbosRolesKey = "cerbos.roles";

    /// <summary>The mapped subject property that feeds <see cref="CerbosRolesKey"/>.</summary>
    public const string RolesKey = "roles";

    /// <summary>Builds the evaluation request for <paramref name="facts"/> made by <paramref name="caller"/>.</summary>
    public static MappingResult Build(AuthZenMappingConfig config, CallerClaims caller, RequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(facts);
        var evaluator = new MappingEvaluator(caller, facts);
        MappingFailure? failure = null;

        var subjectType = Identifier(evaluator, config.Subject.Type, "subject.type", DefaultSubjectType, ref failure);
        var subjectId = config.Subject.Id is null
            ? caller.Subject ?? Fail(ref failure, "subject.id", "the token has no 'sub' claim")
            : Identifier(evaluator, config.Subject.Id, "subject.id", null, ref failure);
        var resourceType = Identifier(evaluator, config.Resource.Type, "resource.type", DefaultResourceType, ref failure);
        var resourceId = Identifier(evaluator, config.Resource.Id, "resource.id", facts.RouteTemplate, ref failure);
        var actionName = Identifier(evaluator, config.Action.Name, "action.name", UpperCase(facts.Method), ref failure);

        var subjectProperties = Properties(evaluator, config.Subject.Properties, "subject.properties", ref failure);
        var resourceProperties = Properties(evaluator, config.Resource.Properties, "resource.properties", ref failure);
        var actionProperties = Properties(evaluator, config.Action.Properties, "action.properties", ref failure);
        var contextProperties = Properties(evaluator, config.Context, "context", ref failure);
        if (failure is not null) return MappingResult.Failed(failure.Path, failure.Message);

        var state = new WriteState(config, facts, subjectProperties, resourceProperties, actionProperties, contextProperties);
        var parts = JsonValues.Build(state, WriteParts);
        return MappingResult.Success(new EvaluationRequest
        {
            Subject = new Subject { Type = subjectType, Id = subjectId, Properties = NullIfAbsent(parts[0]) },
            Resource = new Resource { Type = resourceType, Id = resourceId, Properties = NullIfAbsent(parts[1]) },
            Action = new AccessAction { Name = actionName, Properties = NullIfAbsent(parts[2]) },
            Context = parts[3],
        });
    }

    /// <summary>Returns <paramref name="value"/> as an AuthZEN identifier (type, id, name), <paramref name="fallback"/>
    /// when it is not configured, or null after recording the first <paramref name="failure"/>.</summary>
    internal static string? Identifier(MappingEvaluator evaluator, MappingValue? value, string path, string? fallback, ref MappingFailure? failure)
    {
        if (value is null) return fallback;
        if (!evaluator.TryEvaluate(value, path, out var mapped, out var error)) return Fail(ref failure, path, error);
        if (!mapped.IsPresent) return Fail(ref failure, path, $"{value.Source} gave no value");
        var text = mapped.AsIdentifier();
        return string.IsNullOrEmpty(text) ? Fail(ref failure, path, $"{value.Source} is not a non-empty string") : text;
    }

    private static List<(string Key, MappedValue Value)> Properties(
        MappingEvaluator evaluator, IReadOnlyList<PropertyMapping> mappings, string path, ref MappingFailure? failure)
    {
        if (mappings.Count == 0) return NoProperties;
        var result = new List<(string, MappedValue)>(mappings.Count);
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            // The property's path is only needed to name a failure: not built for every request.
            if (!evaluator.TryEvaluate(mapping.Value, path, out var mapped, out var error)) Fail(ref failure, MappingProblemList.Join(path, mapping.Key), error);
            else if (mapped.IsPresent) result.Add((mapping.Key, mapped));
        }
        return result;
    }

    private static void WriteParts(Utf8JsonWriter writer, WriteState state)
    {
        writer.WriteStartArray();
        var roles = state.Config.Pdp.Platform == PdpPlatform.Cerbos ? CerbosRoles(state.Subject) : null;
        if (state.Subject.Count == 0 && roles is null) writer.WriteNullValue();
        else
        {
            writer.WriteStartObject();
            WriteProperties(writer, state.Subject);
            if (roles is not null)
            {
                writer.WriteStartArray(CerbosRolesKey);
                foreach (var role in roles) writer.WriteStringValue(role);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        var resource = state.Config.Resource;
        if (state.Resource.Count == 0 && !resource.IncludeParams && !resource.IncludeHost && !resource.IncludeQuery) writer.WriteNullValue();
        else
        {
            writer.WriteStartObject();
            WriteProperties(writer, state.Resource);
            if (resource.IncludeParams)
            {
                writer.WriteStartObject(ResourceParams);
                foreach (var (key, value) in Sorted(state.Facts.RouteParams)) writer.WriteString(key, value);
                writer.WriteEndObject();
            }
            if (resource.IncludeHost) writer.WriteString(ResourceHost, state.Facts.Host);
            if (resource.IncludeQuery)
            {
                writer.WriteStartObject(ResourceQuery);
                foreach (var (key, values) in Sorted(state.Facts.Query))
                {
                    writer.WriteStartArray(key);
                    foreach (var value in values) writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }

        if (state.Action.Count == 0) writer.WriteNullValue();
        else
        {
            writer.WriteStartObject();
            WriteProperties(writer, state.Action);
            writer.WriteEndObject();
        }

        writer.WriteStartObject();
        if (state.Facts.ClientIp is { } ip) writer.WriteString(ContextIp, ip);
        Span<char> time = stackalloc char[32];
        state.Facts.Time.UtcDateTime.TryFormat(time, out var timeLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteString(ContextTime, time[..timeLength]);
        writer.WriteString(ContextRequestId, state.Facts.RequestId);
        WriteProperties(writer, state.Context);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteProperties(Utf8JsonWriter writer, List<(string Key, MappedValue Value)> properties)
    {
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }
    }

    /// <summary>Returns <paramref name="method"/> upper-cased; the same string when it already is (no copy per request).</summary>
    private static string UpperCase(string method)
    {
        foreach (var c in method)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '-' && c != '_') return method.ToUpperInvariant();
        }
        return method;
    }

    /// <summary>Returns the strings of the first mapped <see cref="RolesKey"/> property, or null when there is none.</summary>
    private static List<string>? CerbosRoles(List<(string Key, MappedValue Value)> subject)
    {
        foreach (var (key, value) in subject)
        {
            if (key == RolesKey) return value.AsStrings();
        }
        return null;
    }

    /// <summary>Returns the entries ordered by ordinal key (the dictionaries are small and read only when configured).</summary>
    private static KeyValuePair<string, TValue>[] Sorted<TValue>(IReadOnlyDictionary<string, TValue> entries)
    {
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return sorted;
    }

    private static readonly List<(string Key, MappedValue Value)> NoProperties = [];

    private static JsonElement? NullIfAbsent(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element;

    /// <summary>Records <paramref name="message"/> as the failure unless one was recorded first; returns null.</summary>
    internal static string? Fail(ref MappingFailure? failure, string path, string message)
    {
        failure ??= new MappingFailure(path, message);
        return null;
    }

    private readonly record struct WriteState(
        AuthZenMappingConfig Config,
        RequestFacts Facts,
        List<(string Key, MappedValue Value)> Subject,
        List<(string Key, MappedValue Value)> Resource,
        List<(string Key, MappedValue Value)> Action,
        List<(string Key, MappedValue Value)> Context);
}
