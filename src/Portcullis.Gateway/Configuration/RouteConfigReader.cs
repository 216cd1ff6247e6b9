using Portcullis.Gateway.Mapping;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads one entry of <c>routes:</c>.</summary>
internal static class RouteConfigReader
{
    /// <summary>The HTTP methods a route (or its CORS policy) may name.</summary>
    public static readonly string[] MethodNames = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    /// <summary>The longest decision cache TTL a route may ask for, in seconds.</summary>
    public const int MaxDecisionCacheTtlSeconds = 3600;

    private static readonly string[] Keys =
        ["id", "path", "methods", "upstream", "anonymous", "remove_authorization", "upstream_http_version", "authzen", "decision_cache_ttl_seconds", "failure_mode", "cors", "mcp"];

    /// <summary>Reads the route at <paramref name="node"/>; <paramref name="issuers"/> are the configured issuers (an
    /// <c>mcp:</c> block advertises them by default).</summary>
    public static GatewayRouteConfig? Read(YamlReader reader, YamlNode node, string path, IReadOnlyList<Authentication.JwtIssuerConfig> issuers)
    {
        if (reader.Mapping(node, path) is not { } map) return null;
        reader.UnknownKeys(map, path, Keys);
        var id = reader.RequiredString(map, "id", path + ".id");
        var template = reader.RequiredString(map, "path", path + ".path");
        if (template is not null && !template.StartsWith('/')) reader.Problem(map, path + ".path", "must start with '/'");
        if (template is not null && Observability.GatewayEndpointPaths.CollidesWithRouteTemplate(template)) reader.Problem(map, path + ".path", $"collides with the gateway's own endpoints ({string.Join(", ", Observability.GatewayEndpointPaths.All)})");
        var upstream = reader.OptionalUri(map, "upstream", path + ".upstream");
        if (upstream is null && reader.Child(map, "upstream") is null) reader.Problem(map, path + ".upstream", "is required");
        else if (upstream is not null && upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps) reader.Problem(map, path + ".upstream", "must be an http or https address");
        var methods = Methods(reader, map, "methods", path + ".methods");

        var mapping = AuthZenMappingConfig.Default;
        if (reader.Child(map, "authzen") is { } block)
        {
            var parsed = AuthZenMappingParser.Parse(block, path + ".authzen");
            if (parsed.Succeeded) mapping = parsed.Config!;
            else foreach (var problem in parsed.Problems) reader.Add(problem);
        }

        var ttl = reader.OptionalInt(map, "decision_cache_ttl_seconds", path + ".decision_cache_ttl_seconds", 0, MaxDecisionCacheTtlSeconds) ?? 0;
        var failureMode = ReadFailureMode(reader, map, path + ".failure_mode");
        var cors = reader.Child(map, "cors") is { } corsNode ? CorsConfigReader.Read(reader, corsNode, path + ".cors") : null;

        var upstreamHttpVersion = ReadHttpVersion(reader, map, path + ".upstream_http_version");
        var anonymous = reader.OptionalBool(map, "anonymous", path + ".anonymous") ?? false;
        var removeAuthorization = reader.OptionalBool(map, "remove_authorization", path + ".remove_authorization") ?? false;
        var mcp = reader.Child(map, "mcp") is { } mcpNode ? McpConfigReader.Read(reader, mcpNode, path + ".mcp", issuers) : null;
        if (mcp is not null && anonymous) reader.Problem(reader.Child(map, "anonymous")!, path + ".anonymous", "an MCP route cannot be anonymous: every MCP message is authorized for the caller's token");
        if (mcp is not null && mapping.Pdp.Host is { } pdpHost && pdpHost.Scheme == Uri.UriSchemeHttp && !pdpHost.IsLoopback)
        {
            // COAZ-MCP "Security Considerations": PEP-to-PDP traffic uses TLS; plain HTTP only stays on this machine.
            reader.Problem(reader.Child(map, "authzen")!, path + ".authzen.pdp.host", "an MCP route's PDP must be reached over https (plain http only on a loopback address)");
        }
        if (mcp is not null && failureMode == FailureMode.Open) reader.Problem(reader.Child(map, "failure_mode")!, path + ".failure_mode", "an MCP route always fails closed (COAZ-MCP: -32603 when the PDP cannot decide); remove failure_mode: open");
        if (mcp is { PassToken: true } && removeAuthorization) reader.Problem(reader.Child(map, "remove_authorization")!, path + ".remove_authorization", "contradicts mcp.pass_token: true (MCP routes remove the token unless pass_token is true)");
        if (Mcp.Coaz.SeedToolMapping.IsUsedBy(mapping))
        {
            if (mcp is null) reader.Problem(reader.Child(map, "authzen")!, path + ".authzen", "mcp:: values need an mcp: block on the route");
            else if (Mcp.Coaz.SeedToolMapping.FromAuthZenBlock(mapping, out var seedError) is { } configured) mcp = mcp with { ConfiguredToolsCall = configured };
            else reader.Problem(reader.Child(map, "authzen")!, path + ".authzen", seedError!);
        }
        if (id is null || template is null || upstream is null) return null;
        return new GatewayRouteConfig
        {
            Id = id,
            Path = template,
            Methods = methods,
            Upstream = upstream,
            Anonymous = anonymous,
            RemoveAuthorization = removeAuthorization,
            AuthZen = mapping,
            DecisionCacheTtl = TimeSpan.FromSeconds(ttl),
            FailureMode = failureMode,
            Cors = cors,
            UpstreamHttpVersion = upstreamHttpVersion,
            Mcp = mcp,
        };
    }

    /// <summary>Reads a list of HTTP methods (upper-cased); <paramref name="allowAny"/> also accepts <c>*</c>.</summary>
    public static IReadOnlyList<string> Methods(YamlReader reader, YamlMappingNode map, string key, string path, bool allowAny = false)
    {
        var methods = reader.StringList(map, key, path) ?? [];
        foreach (var method in methods)
        {
            var upper = method.ToUpperInvariant();
            if (!MethodNames.Contains(upper, StringComparer.Ordinal) && !(allowAny && upper == "*")) reader.Problem(reader.Child(map, key)!, path, $"unknown HTTP method '{method}'");
        }
        return [.. methods.Select(m => m.ToUpperInvariant())];
    }

    private static FailureMode ReadFailureMode(YamlReader reader, YamlMappingNode map, string path)
    {
        switch (reader.OptionalString(map, "failure_mode", path))
        {
            case null or "closed": return FailureMode.Closed;
            case "open": return FailureMode.Open;
            default:
                reader.Problem(reader.Child(map, "failure_mode")!, path, "must be closed or open");
                return FailureMode.Closed;
        }
    }

    private static System.Version? ReadHttpVersion(YamlReader reader, YamlMappingNode map, string path) =>
        reader.OptionalString(map, "upstream_http_version", path) switch
        {
            null => null,
            "1.1" => System.Net.HttpVersion.Version11,
            "2" or "2.0" => System.Net.HttpVersion.Version20,
            _ => InvalidHttpVersion(reader, map, path),
        };

    private static System.Version? InvalidHttpVersion(YamlReader reader, YamlMappingNode map, string path)
    {
        reader.Problem(reader.Child(map, "upstream_http_version")!, path, "must be \"1.1\" or \"2\"");
        return null;
    }
}
