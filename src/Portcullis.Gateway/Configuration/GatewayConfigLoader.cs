using System.Globalization;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Mapping;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads <c>portcullis.yaml</c> into a <see cref="GatewayConfig"/>, listing every problem with its path and line.</summary>
/// <remarks>
/// <para>Format: <c>pdp: {policies, directory}</c>; <c>issuers: [{issuer, discovery | jwks_uri, audiences, algorithms,
/// required_type, clock_skew_seconds, require_https_metadata}]</c>; <c>routes: [{id, path, methods, upstream, anonymous,
/// remove_authorization, authzen}]</c> where <c>authzen</c> is read by <see cref="AuthZenMappingParser"/>.</para>
/// <para>Relative folders are resolved against <c>baseDirectory</c>.</para>
/// </remarks>
public static class GatewayConfigLoader
{
    private static readonly string[] MethodNames = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    /// <summary>Reads the configuration file at <paramref name="path"/>.</summary>
    public static GatewayConfigLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return new GatewayConfigLoadResult(null, [new MappingProblem(path, $"cannot read the file: {e.Message}")]);
        }
        return LoadYaml(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Reads a configuration from YAML text; relative folders resolve against <paramref name="baseDirectory"/>.</summary>
    public static GatewayConfigLoadResult LoadYaml(string yaml, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            return new GatewayConfigLoadResult(null, [new MappingProblem("", $"invalid YAML: {e.Message}", (int)e.Start.Line, (int)e.Start.Column)]);
        }

        var problems = new List<MappingProblem>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new GatewayConfigLoadResult(null, [new MappingProblem("", "the configuration must be a mapping with 'routes'", 1, 1)]);
        }

        var reader2 = new YamlReader(problems);
        string? policies = null, directory = null;
        if (reader2.Child(root, "pdp") is { } pdpNode && reader2.Mapping(pdpNode, "pdp") is { } pdp)
        {
            policies = reader2.OptionalString(pdp, "policies", "pdp.policies") is { } p ? Path.GetFullPath(p, baseDirectory) : null;
            directory = reader2.OptionalString(pdp, "directory", "pdp.directory") is { } d ? Path.GetFullPath(d, baseDirectory) : null;
        }

        var issuers = new List<JwtIssuerConfig>();
        if (reader2.Child(root, "issuers") is { } issuersNode && reader2.Sequence(issuersNode, "issuers") is { } issuerList)
        {
            for (var i = 0; i < issuerList.Children.Count; i++)
            {
                if (ReadIssuer(reader2, issuerList.Children[i], $"issuers[{i}]") is { } issuer) issuers.Add(issuer);
            }
        }

        var routes = new List<GatewayRouteConfig>();
        var routesNode = reader2.Child(root, "routes");
        if (routesNode is null) problems.Add(new MappingProblem("routes", "is required", (int)root.Start.Line, (int)root.Start.Column));
        else if (reader2.Sequence(routesNode, "routes") is { } routeList)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < routeList.Children.Count; i++)
            {
                if (ReadRoute(reader2, routeList.Children[i], $"routes[{i}]") is not { } route) continue;
                if (!ids.Add(route.Id)) reader2.Problem(routeList.Children[i], $"routes[{i}].id", $"duplicate route id '{route.Id}'");
                if (!route.Anonymous && issuers.Count == 0) reader2.Problem(routeList.Children[i], $"routes[{i}]", "the route needs a token but no issuers are configured");
                if (!route.Anonymous && route.AuthZen.Pdp.IsEmbedded && policies is null) reader2.Problem(routeList.Children[i], $"routes[{i}].authzen.pdp", "the route uses the embedded PDP but 'pdp.policies' is not set");
                routes.Add(route);
            }
        }

        return problems.Count == 0
            ? new GatewayConfigLoadResult(new GatewayConfig { Routes = routes, Issuers = issuers, PoliciesPath = policies, DirectoryPath = directory }, [])
            : new GatewayConfigLoadResult(null, problems);
    }

    private static JwtIssuerConfig? ReadIssuer(YamlReader reader, YamlNode node, string path)
    {
        if (reader.Mapping(node, path) is not { } map) return null;
        var issuer = reader.RequiredString(map, "issuer", path + ".issuer");
        var audiences = reader.StringList(map, "audiences", path + ".audiences");
        if (issuer is null || audiences is null)
        {
            if (audiences is null && reader.Child(map, "audiences") is null) reader.Problem(map, path + ".audiences", "is required");
            return null;
        }
        var config = new JwtIssuerConfig
        {
            Issuer = issuer,
            Audiences = audiences,
            Discovery = reader.OptionalUri(map, "discovery", path + ".discovery"),
            JwksUri = reader.OptionalUri(map, "jwks_uri", path + ".jwks_uri"),
            AllowedAlgorithms = reader.StringList(map, "algorithms", path + ".algorithms") ?? JwtIssuerConfig.DefaultAlgorithms,
            RequiredType = reader.OptionalString(map, "required_type", path + ".required_type"),
            RequireHttpsMetadata = reader.OptionalBool(map, "require_https_metadata", path + ".require_https_metadata") ?? true,
        };
        if (reader.OptionalString(map, "clock_skew_seconds", path + ".clock_skew_seconds") is { } skew)
        {
            if (int.TryParse(skew, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) config = config with { ClockSkew = TimeSpan.FromSeconds(seconds) };
            else reader.Problem(map, path + ".clock_skew_seconds", "must be a whole number of seconds");
        }
        foreach (var problem in JwtIssuerConfigValidator.Validate(config)) reader.Problem(map, path, problem);
        return config;
    }

    private static GatewayRouteConfig? ReadRoute(YamlReader reader, YamlNode node, string path)
    {
        if (reader.Mapping(node, path) is not { } map) return null;
        var id = reader.RequiredString(map, "id", path + ".id");
        var template = reader.RequiredString(map, "path", path + ".path");
        if (template is not null && !template.StartsWith('/')) reader.Problem(map, path + ".path", "must start with '/'");
        if (template is not null && Observability.GatewayEndpointPaths.CollidesWithRouteTemplate(template)) reader.Problem(map, path + ".path", "collides with the gateway's own endpoints (/healthz, /readyz, /metrics)");
        var upstream = reader.OptionalUri(map, "upstream", path + ".upstream");
        if (upstream is null && reader.Child(map, "upstream") is null) reader.Problem(map, path + ".upstream", "is required");
        else if (upstream is not null && upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps) reader.Problem(map, path + ".upstream", "must be an http or https address");
        var methods = reader.StringList(map, "methods", path + ".methods") ?? [];
        foreach (var method in methods)
        {
            if (!MethodNames.Contains(method.ToUpperInvariant(), StringComparer.Ordinal)) reader.Problem(map, path + ".methods", $"unknown HTTP method '{method}'");
        }

        var mapping = AuthZenMappingConfig.Default;
        if (reader.Child(map, "authzen") is { } block)
        {
            var parsed = AuthZenMappingParser.Parse(block, path + ".authzen");
            if (parsed.Succeeded) mapping = parsed.Config!;
            else foreach (var problem in parsed.Problems) reader.Add(problem);
        }

        if (id is null || template is null || upstream is null) return null;
        return new GatewayRouteConfig
        {
            Id = id,
            Path = template,
            Methods = [.. methods.Select(m => m.ToUpperInvariant())],
            Upstream = upstream,
            Anonymous = reader.OptionalBool(map, "anonymous", path + ".anonymous") ?? false,
            RemoveAuthorization = reader.OptionalBool(map, "remove_authorization", path + ".remove_authorization") ?? false,
            AuthZen = mapping,
        };
    }
}
