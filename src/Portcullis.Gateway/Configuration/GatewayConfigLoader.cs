using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Mapping;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads <c>portcullis.yaml</c> into a <see cref="GatewayConfig"/>, listing every problem with its path and line.</summary>
/// <remarks>
/// <para>Format: <c>pdp: {policies, directory}</c>; <c>issuers: [{issuer, discovery | jwks_uri, audiences, algorithms,
/// required_type, clock_skew_seconds, refresh_interval_seconds, require_https_metadata}]</c>; <c>routes: [{id, path, methods, upstream, anonymous,
/// remove_authorization, upstream_http_version, authzen, decision_cache_ttl_seconds, failure_mode, cors, mcp}]</c> where <c>authzen</c> is read by
/// <see cref="AuthZenMappingParser"/> and <c>mcp</c> by <see cref="McpConfigReader"/>; <c>identity_headers: {strip, inject}</c>; <c>decision_cache: {max_entries}</c>;
/// <c>decision_records: {output: stdout | log | none}</c>.
/// An unknown key anywhere is a problem: a typo must not silently turn a security setting off.</para>
/// <para>Relative folders are resolved against <c>baseDirectory</c>.</para>
/// </remarks>
public static class GatewayConfigLoader
{
    /// <summary>The top-level keys; anything else is reported (add a key here when a feature reads it).</summary>
    private static readonly string[] Keys = ["pdp", "issuers", "routes", "identity_headers", "decision_cache", "decision_records"];

    /// <summary>The largest <c>decision_cache.max_entries</c> accepted.</summary>
    private const int MaxDecisionCacheEntries = 10_000_000;

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
        var fullPath = Path.GetFullPath(path);
        var result = LoadYaml(text, Path.GetDirectoryName(fullPath) ?? ".");
        return result.Config is null ? result : result with { Config = result.Config with { SourcePath = fullPath } };
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
        reader2.UnknownKeys(root, "", Keys);
        string? policies = null, directory = null;
        if (reader2.Child(root, "pdp") is { } pdpNode && reader2.Mapping(pdpNode, "pdp") is { } pdp)
        {
            reader2.UnknownKeys(pdp, "pdp", ["policies", "directory"]);
            policies = reader2.OptionalString(pdp, "policies", "pdp.policies") is { } p ? Path.GetFullPath(p, baseDirectory) : null;
            directory = reader2.OptionalString(pdp, "directory", "pdp.directory") is { } d ? Path.GetFullPath(d, baseDirectory) : null;
        }

        var issuers = new List<JwtIssuerConfig>();
        if (reader2.Child(root, "issuers") is { } issuersNode && reader2.Sequence(issuersNode, "issuers") is { } issuerList)
        {
            for (var i = 0; i < issuerList.Children.Count; i++)
            {
                if (IssuerConfigReader.Read(reader2, issuerList.Children[i], $"issuers[{i}]") is { } issuer) issuers.Add(issuer);
            }
        }

        var routes = new List<GatewayRouteConfig>();
        var routeNodes = new List<YamlNode>();
        var routesNode = reader2.Child(root, "routes");
        if (routesNode is null) problems.Add(new MappingProblem("routes", "is required", (int)root.Start.Line, (int)root.Start.Column));
        else if (reader2.Sequence(routesNode, "routes") is { } routeList)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < routeList.Children.Count; i++)
            {
                if (RouteConfigReader.Read(reader2, routeList.Children[i], $"routes[{i}]", issuers) is not { } route) continue;
                if (!ids.Add(route.Id)) reader2.Problem(routeList.Children[i], $"routes[{i}].id", $"duplicate route id '{route.Id}'");
                if (!route.Anonymous && issuers.Count == 0) reader2.Problem(routeList.Children[i], $"routes[{i}]", "the route needs a token but no issuers are configured");
                if (!route.Anonymous && route.AuthZen.Pdp.IsEmbedded && policies is null) reader2.Problem(routeList.Children[i], $"routes[{i}].authzen.pdp", "the route uses the embedded PDP but 'pdp.policies' is not set");
                routes.Add(route);
                routeNodes.Add(routeList.Children[i]);
            }
            foreach (var conflict in Mcp.OAuth.ProtectedResourceCatalog.Build(routes).Conflicts)
            {
                var node = routeNodes[routes.IndexOf(conflict.Route)];
                var at = node is YamlMappingNode map && reader2.Child(map, "mcp") is YamlMappingNode mcp && reader2.Child(mcp, "resource") is { } resource ? resource : node;
                reader2.Problem(at, $"routes[{routeList.Children.IndexOf(node)}].mcp.resource", conflict.Message);
            }
        }

        var identityHeaders = reader2.Child(root, "identity_headers") is { } identityNode
            ? IdentityHeadersConfigReader.Read(reader2, identityNode, "identity_headers")
            : IdentityHeadersConfig.Default;
        int? maxEntries = null;
        if (reader2.Child(root, "decision_cache") is { } cacheNode && reader2.Mapping(cacheNode, "decision_cache") is { } cache)
        {
            reader2.UnknownKeys(cache, "decision_cache", ["max_entries"]);
            maxEntries = reader2.OptionalInt(cache, "max_entries", "decision_cache.max_entries", 0, MaxDecisionCacheEntries);
        }

        var recordOutput = DecisionRecordOutput.Stdout;
        if (reader2.Child(root, "decision_records") is { } recordsNode && reader2.Mapping(recordsNode, "decision_records") is { } records)
        {
            reader2.UnknownKeys(records, "decision_records", ["output"]);
            switch (reader2.OptionalString(records, "output", "decision_records.output"))
            {
                case null or "stdout": break;
                case "log": recordOutput = DecisionRecordOutput.Log; break;
                case "none": recordOutput = DecisionRecordOutput.None; break;
                default: reader2.Problem(reader2.Child(records, "output")!, "decision_records.output", "must be stdout, log or none"); break;
            }
        }

        if (problems.Count > 0) return new GatewayConfigLoadResult(null, problems);
        var config = new GatewayConfig
        {
            Routes = routes,
            Issuers = issuers,
            PoliciesPath = policies,
            DirectoryPath = directory,
            IdentityHeaders = identityHeaders,
            DecisionRecords = recordOutput,
        };
        if (maxEntries is { } max) config = config with { DecisionCacheMaxEntries = max };
        return new GatewayConfigLoadResult(config, []);
    }
}
