using System.Text.Json;
using Portcullis.Cel;
using static Portcullis.Gateway.Mapping.MappingProblemList;

namespace Portcullis.Gateway.Mapping;

/// <summary>Reads a mapping block (as JSON) into an <see cref="AuthZenMappingConfig"/>, collecting every problem.</summary>
internal sealed class MappingBlockReader(MappingProblemList problems, CelOptions options)
{
    private static readonly string[] TopKeys = ["pdp", "subject", "resource", "action", "context"];
    private static readonly string[] PdpKeys = ["host", "platform", "store_id", "timeout_ms"];
    private const int MaxTimeoutMs = 60_000;
    private static readonly string[] SubjectKeys = ["type", "id", "properties"];
    private static readonly string[] ResourceKeys = ["type", "id", "properties", "include"];
    private static readonly string[] ActionKeys = ["name", "properties"];
    private static readonly string[] PropertyKeys = ["key", "claim", "value"];

    /// <summary>Reads the block, or returns null when it is not an object.</summary>
    public AuthZenMappingConfig? Read(JsonElement block)
    {
        if (block.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return AuthZenMappingConfig.Default;
        if (!ExpectObject(block, "", TopKeys)) return null;
        var pdp = Member(block, "pdp") is { } p ? ReadPdp(p, "pdp") : PdpTargetConfig.Embedded;
        var subject = Member(block, "subject") is { } s ? ReadSubject(s, "subject", pdp.Platform) : new SubjectMappingConfig();
        var resource = Member(block, "resource") is { } r ? ReadResource(r, "resource") : new ResourceMappingConfig();
        var action = Member(block, "action") is { } a ? ReadAction(a, "action") : new ActionMappingConfig();
        var context = Member(block, "context") is { } c
            ? ReadProperties(c, "context", [AuthZenRequestBuilder.ContextIp, AuthZenRequestBuilder.ContextTime, AuthZenRequestBuilder.ContextRequestId])
            : [];
        return new AuthZenMappingConfig { Pdp = pdp, Subject = subject, Resource = resource, Action = action, Context = context };
    }

    private PdpTargetConfig ReadPdp(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            if (string.Equals(element.GetString(), "embedded", StringComparison.OrdinalIgnoreCase)) return PdpTargetConfig.Embedded;
            problems.Add(path, "must be \"embedded\" or an object {host, platform}");
            return PdpTargetConfig.Embedded;
        }
        if (!ExpectObject(element, path, PdpKeys)) return PdpTargetConfig.Embedded;
        Uri? host = null;
        if (Text(element, "host", path) is { } hostText)
        {
            if (!Uri.TryCreate(hostText, UriKind.Absolute, out host) || (host.Scheme != Uri.UriSchemeHttp && host.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(host.Query) || !string.IsNullOrEmpty(host.UserInfo))
            {
                problems.Add(Join(path, "host"), "must be an absolute http(s) address without credentials or query, e.g. http://cerbos:3593");
                host = null;
            }
        }
        var platform = PdpPlatform.AuthZen;
        if (Text(element, "platform", path) is { } platformText)
        {
            switch (platformText.ToLowerInvariant())
            {
                case "authzen": platform = PdpPlatform.AuthZen; break;
                case "cerbos": platform = PdpPlatform.Cerbos; break;
                case "openfga": platform = PdpPlatform.OpenFga; break;
                default: problems.Add(Join(path, "platform"), $"unknown platform \"{platformText}\" (known: authzen, cerbos, openfga)"); break;
            }
        }
        var storeId = Text(element, "store_id", path);
        if (platform == PdpPlatform.OpenFga)
        {
            if (host is null && Member(element, "host") is null) problems.Add(Join(path, "host"), "platform openfga needs the PDP's host");
            if (string.IsNullOrWhiteSpace(storeId)) problems.Add(Join(path, "store_id"), "platform openfga needs an explicit store_id (never \"the first store\")");
        }
        else if (storeId is not null)
        {
            problems.Add(Join(path, "store_id"), "store_id applies only to platform openfga");
        }
        var timeout = ReadTimeout(element, path);
        if (timeout is not null && host is null && Member(element, "host") is null) problems.Add(Join(path, "timeout_ms"), "timeout_ms applies only to a remote PDP (with a host)");
        return new PdpTargetConfig { Host = host, Platform = platform, StoreId = storeId, Timeout = timeout };
    }

    private TimeSpan? ReadTimeout(JsonElement element, string path)
    {
        if (Member(element, "timeout_ms") is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var ms) && ms is > 0 and <= MaxTimeoutMs) return TimeSpan.FromMilliseconds(ms);
        problems.Add(Join(path, "timeout_ms"), $"must be a whole number of milliseconds from 1 to {MaxTimeoutMs}");
        return null;
    }

    private SubjectMappingConfig ReadSubject(JsonElement element, string path, PdpPlatform platform)
    {
        if (!ExpectObject(element, path, SubjectKeys)) return new SubjectMappingConfig();
        string[] reserved = platform == PdpPlatform.Cerbos ? [AuthZenRequestBuilder.CerbosRolesKey] : [];
        return new SubjectMappingConfig
        {
            Type = Value(element, "type", path, requireString: true),
            Id = Value(element, "id", path, requireString: true),
            Properties = Member(element, "properties") is { } p ? ReadProperties(p, Join(path, "properties"), reserved) : [],
        };
    }

    private ResourceMappingConfig ReadResource(JsonElement element, string path)
    {
        if (!ExpectObject(element, path, ResourceKeys)) return new ResourceMappingConfig();
        bool includeParams = false, includeHost = false, includeQuery = false;
        if (Member(element, "include") is { } include)
        {
            var includePath = Join(path, "include");
            if (include.ValueKind != JsonValueKind.Array) problems.Add(includePath, "must be a list of: params, host, query");
            else
            {
                var i = 0;
                foreach (var item in include.EnumerateArray())
                {
                    switch (item.ValueKind == JsonValueKind.String ? item.GetString() : null)
                    {
                        case AuthZenRequestBuilder.ResourceParams: includeParams = true; break;
                        case AuthZenRequestBuilder.ResourceHost: includeHost = true; break;
                        case AuthZenRequestBuilder.ResourceQuery: includeQuery = true; break;
                        default: problems.Add(Index(includePath, i), "unknown include (known: params, host, query)"); break;
                    }
                    i++;
                }
            }
        }
        var reserved = new List<string>();
        if (includeParams) reserved.Add(AuthZenRequestBuilder.ResourceParams);
        if (includeHost) reserved.Add(AuthZenRequestBuilder.ResourceHost);
        if (includeQuery) reserved.Add(AuthZenRequestBuilder.ResourceQuery);
        return new ResourceMappingConfig
        {
            Type = Value(element, "type", path, requireString: true),
            Id = Value(element, "id", path, requireString: true),
            Properties = Member(element, "properties") is { } p ? ReadProperties(p, Join(path, "properties"), reserved) : [],
            IncludeParams = includeParams,
            IncludeHost = includeHost,
            IncludeQuery = includeQuery,
        };
    }

    private ActionMappingConfig ReadAction(JsonElement element, string path)
    {
        if (!ExpectObject(element, path, ActionKeys)) return new ActionMappingConfig();
        return new ActionMappingConfig
        {
            Name = Value(element, "name", path, requireString: true),
            Properties = Member(element, "properties") is { } p ? ReadProperties(p, Join(path, "properties"), []) : [],
        };
    }

    /// <summary>Reads properties written as the seeds' list (<c>[{"key": "roles", "claim": "realm_access.roles"}]</c>,
    /// or <c>"value"</c> instead of <c>"claim"</c>) or as an object (<c>{"roles": "claim::realm_access.roles"}</c>).</summary>
    private List<PropertyMapping> ReadProperties(JsonElement element, string path, IReadOnlyCollection<string> reserved)
    {
        var result = new List<PropertyMapping>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string key, string keyPath, MappingValue? value)
        {
            if (reserved.Contains(key)) problems.Add(keyPath, $"property \"{key}\" is filled by the gateway; choose another key");
            else if (!seen.Add(key)) problems.Add(keyPath, $"duplicate property \"{key}\"");
            else if (value is not null) result.Add(new PropertyMapping(key, value));
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return result;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var memberPath = Join(path, member.Name);
                    Add(member.Name, memberPath, MappingValueParser.Parse(member.Value, memberPath, requireString: false, problems, options));
                }
                return result;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = Index(path, i++);
                    if (!ExpectObject(item, itemPath, PropertyKeys)) continue;
                    var key = Text(item, "key", itemPath);
                    if (string.IsNullOrEmpty(key))
                    {
                        if (Member(item, "key") is null) problems.Add(Join(itemPath, "key"), "is required");
                        continue;
                    }
                    var claim = Member(item, "claim");
                    var value = Member(item, "value");
                    MappingValue? mapped = null;
                    if (claim is not null && value is not null) problems.Add(itemPath, "give either claim or value, not both");
                    else if (claim is { } c)
                    {
                        mapped = c.ValueKind == JsonValueKind.String
                            ? MappingValueParser.ParseBareClaim(c.GetString()!, Join(itemPath, "claim"), problems)
                            : Report<MappingValue>(Join(itemPath, "claim"), "must be a dotted claim path, e.g. realm_access.roles");
                    }
                    else if (value is { } v) mapped = MappingValueParser.Parse(v, Join(itemPath, "value"), requireString: false, problems, options);
                    else problems.Add(itemPath, "needs claim or value");
                    Add(key, Join(itemPath, "key"), mapped);
                }
                return result;
            default:
                problems.Add(path, "must be a list of {key, claim | value} or an object of key: value");
                return result;
        }
    }

    private MappingValue? Value(JsonElement parent, string name, string parentPath, bool requireString) =>
        Member(parent, name) is { } element
            ? MappingValueParser.Parse(element, Join(parentPath, name), requireString, problems, options)
            : null;

    private string? Text(JsonElement parent, string name, string parentPath)
    {
        if (Member(parent, name) is not { } element) return null;
        if (element.ValueKind == JsonValueKind.String) return element.GetString();
        problems.Add(Join(parentPath, name), "must be a string");
        return null;
    }

    private T? Report<T>(string path, string message)
        where T : class
    {
        problems.Add(path, message);
        return null;
    }

    private bool ExpectObject(JsonElement element, string path, string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path.Length == 0 ? "" : path, "must be an object");
            return false;
        }
        foreach (var member in element.EnumerateObject())
        {
            if (Array.IndexOf(known, member.Name) < 0)
            {
                problems.Add(Join(path, member.Name), $"unknown key (known: {string.Join(", ", known)})");
            }
        }
        return true;
    }

    /// <summary>Returns the member <paramref name="name"/> unless it is absent or JSON null.</summary>
    private static JsonElement? Member(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
