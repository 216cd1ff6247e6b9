using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Mcp.OAuth;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads a route's <c>mcp:</c> block into <see cref="McpRouteConfig"/>: the resource identifier must be an
/// absolute https address (http only on loopback) without query or fragment; the advertised authorization servers
/// default to the configured issuers and must be among them; scopes must be RFC 6749 scope tokens.</summary>
internal static class McpConfigReader
{
    /// <summary>The largest <c>max_body_bytes</c> a route may set (256 MiB).</summary>
    public const int MaxBodyBytesLimit = 256 * 1024 * 1024;

    private static readonly string[] Keys =
    [
        "resource", "authorization_servers", "scopes_supported", "required_scopes", "resource_name", "subject_claim",
        "pass_token", "log_arguments", "max_body_bytes", "enforce_on",
    ];

    /// <summary>Reads the block at <paramref name="node"/>; <paramref name="issuers"/> are the configured issuers (the
    /// default authorization servers). Returns null when the block has a problem (recorded in <paramref name="reader"/>).</summary>
    public static McpRouteConfig? Read(YamlReader reader, YamlNode node, string path, IReadOnlyList<JwtIssuerConfig> issuers)
    {
        if (reader.Mapping(node, path) is not { } map) return null;
        reader.UnknownKeys(map, path, Keys);
        var problemsBefore = reader.ProblemCount;
        var resource = Resource(reader, map, path + ".resource");
        var servers = AuthorizationServers(reader, map, path + ".authorization_servers", issuers);
        var scopesSupported = Scopes(reader, map, "scopes_supported", path);
        var requiredScopes = Scopes(reader, map, "required_scopes", path);
        var resourceName = reader.OptionalString(map, "resource_name", path + ".resource_name");
        var subjectClaim = reader.OptionalString(map, "subject_claim", path + ".subject_claim");
        var passToken = reader.OptionalBool(map, "pass_token", path + ".pass_token") ?? false;
        var logArguments = reader.OptionalBool(map, "log_arguments", path + ".log_arguments") ?? false;
        var maxBody = reader.OptionalInt(map, "max_body_bytes", path + ".max_body_bytes", 1, MaxBodyBytesLimit);
        var enforceOn = EnforceOn(reader, map, path + ".enforce_on");
        if (resource is null || reader.ProblemCount > problemsBefore) return null;

        var config = new McpRouteConfig
        {
            Resource = resource,
            AuthorizationServers = servers,
            ScopesSupported = scopesSupported,
            RequiredScopes = requiredScopes,
            ResourceName = resourceName,
            PassToken = passToken,
            LogArguments = logArguments,
            EnforceOnMethods = enforceOn,
        };
        if (subjectClaim is not null) config = config with { SubjectClaim = subjectClaim };
        if (maxBody is { } bytes) config = config with { MaxBodyBytes = bytes };
        return config;
    }

    private static Uri? Resource(YamlReader reader, YamlMappingNode map, string path)
    {
        if (reader.Child(map, "resource") is null)
        {
            reader.Problem(map, path, "is required: the MCP server's canonical address as clients use it, e.g. https://gateway.example/mcp");
            return null;
        }
        if (reader.OptionalUri(map, "resource", path) is not { } uri) return null;
        if (McpResourceUri.Problem(uri) is { } problem)
        {
            reader.Problem(reader.Child(map, "resource")!, path, problem);
            return null;
        }
        return uri;
    }

    private static IReadOnlyList<Uri> AuthorizationServers(YamlReader reader, YamlMappingNode map, string path, IReadOnlyList<JwtIssuerConfig> issuers)
    {
        var known = issuers.Select(i => i.Issuer).ToHashSet(StringComparer.Ordinal);
        if (reader.Child(map, "authorization_servers") is not { } node)
        {
            // Only issuers whose identifier is an address can be advertised; an empty list is caught by the loader's
            // "needs a token but no issuers" check.
            return [.. issuers.Select(i => Uri.TryCreate(i.Issuer, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()];
        }
        if (reader.StringList(map, "authorization_servers", path) is not { } list) return [];
        if (list.Count == 0) reader.Problem(node, path, "must name at least one authorization server");
        var servers = new List<Uri>(list.Count);
        foreach (var text in list)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) reader.Problem(node, path, $"'{text}' is not an absolute address");
            else if (McpResourceUri.Problem(uri) is { } problem) reader.Problem(node, path, $"'{text}' {problem}");
            else if (!known.Contains(text)) reader.Problem(node, path, $"'{text}' is not one of the configured issuers (tokens it issues would be refused); write the issuer exactly as in issuers[].issuer");
            else servers.Add(uri);
        }
        return servers;
    }

    private static IReadOnlyList<string> Scopes(YamlReader reader, YamlMappingNode map, string key, string path)
    {
        if (reader.StringList(map, key, $"{path}.{key}") is not { } scopes) return [];
        foreach (var scope in scopes)
        {
            if (!IsScopeToken(scope)) reader.Problem(reader.Child(map, key)!, $"{path}.{key}", $"'{scope}' is not a scope (RFC 6749: printable ASCII without spaces, quotes or backslashes)");
        }
        return [.. scopes.Distinct(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string>? EnforceOn(YamlReader reader, YamlMappingNode map, string path)
    {
        if (reader.Child(map, "enforce_on") is not { } node || reader.Mapping(node, path) is not { } block) return null;
        reader.UnknownKeys(block, path, ["methods"]);
        if (reader.Child(block, "methods") is not { } methodsNode)
        {
            reader.Problem(block, path + ".methods", "is required");
            return null;
        }
        if (reader.StringList(block, "methods", path + ".methods") is not { } methods) return null;
        if (methods.Count == 0) reader.Problem(methodsNode, path + ".methods", "must name at least one MCP method");
        foreach (var method in methods)
        {
            if (method.Any(c => c is <= ' ' or > '~')) reader.Problem(methodsNode, path + ".methods", $"'{method}' is not an MCP method name (printable ASCII without spaces)");
        }
        return methods;
    }

    /// <summary>Returns whether <paramref name="scope"/> is an RFC 6749 section 3.3 <c>scope-token</c>.</summary>
    private static bool IsScopeToken(string scope) =>
        scope.Length > 0 && scope.All(c => c is '!' or (>= '#' and <= '[') or (>= ']' and <= '~'));
}
