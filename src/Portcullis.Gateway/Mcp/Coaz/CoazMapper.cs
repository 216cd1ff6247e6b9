using System.Text.Json;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Maps one client-to-server JSON-RPC request on an MCP route to its COAZ-MCP outcome: pass it, ask the PDP
/// with an AuthZEN request, deny it, or refuse it as a mapping error. Never throws for request data.</summary>
/// <remarks>
/// <para>The MCP stage keeps one mapper per route (it compiles the default mappings once, with
/// <see cref="McpRouteConfig.Resource"/> as the MCP server's id), one <see cref="CoazCaller"/> per validated token and one
/// <see cref="IDeclaredToolLookup"/> per upstream, then calls <see cref="Map"/> for every request of a message or batch
/// (responses and server-initiated requests are not mapped).</para>
/// <para>COAZ-MCP "PEP Behavior": <c>ping</c> and <c>notifications/*</c> pass without a decision; a <c>tools/call</c>
/// whose tool declares a mapping uses it; every other method uses its default mapping; a method with none is denied.
/// With the seeds' <c>enforce_on.methods</c> (<see cref="McpRouteConfig.EnforceOnMethods"/>), only the listed methods
/// are mapped and the others pass.</para>
/// </remarks>
public sealed class CoazMapper
{
    private const string ToolsCall = "tools/call";
    private const string Ping = "ping";
    private const string NotificationPrefix = "notifications/";

    private readonly CoazDefaultMappings _defaults;
    private readonly HashSet<string>? _enforceOn;
    private readonly CoazMapping? _configuredToolsCall;

    /// <summary>Creates the mapper of the MCP route <paramref name="route"/>.</summary>
    /// <param name="route">The route's MCP settings.</param>
    /// <param name="configuredToolsCall">The route's own <c>tools/call</c> mapping in the seeds' plugin format
    /// (<see cref="SeedToolMapping"/>), or null. When set it is used for every tool, before any declared mapping: the
    /// operator's configuration outranks what the MCP server declares.</param>
    public CoazMapper(McpRouteConfig route, CoazMapping? configuredToolsCall = null)
    {
        _configuredToolsCall = configuredToolsCall;
        ArgumentNullException.ThrowIfNull(route);
        Route = route;
        _defaults = new CoazDefaultMappings(CoazCaller.ServerResource(route));
        _enforceOn = route.EnforceOnMethods is { } methods ? new HashSet<string>(methods, StringComparer.Ordinal) : null;
    }

    /// <summary>Gets the route's MCP settings.</summary>
    public McpRouteConfig Route { get; }

    /// <summary>Gets the methods with a default mapping (the binding's and Portcullis's extension).</summary>
    public IEnumerable<string> DefaultMethods => _defaults.Methods;

    /// <summary>Maps the request <paramref name="method"/> with <paramref name="parameters"/> (null when the request has
    /// none) made by <paramref name="caller"/>; <paramref name="tools"/> are the upstream's declared tool mappings.</summary>
    public CoazMappingResult Map(string method, JsonElement? parameters, CoazCaller caller, IDeclaredToolLookup? tools = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(caller);
        if (method == Ping || method.StartsWith(NotificationPrefix, StringComparison.Ordinal)) return CoazMappingResult.PassThrough;
        if (_enforceOn is not null && !_enforceOn.Contains(method)) return CoazMappingResult.PassThrough;

        var isToolsCall = method == ToolsCall;
        if (!isToolsCall && !_defaults.TryGet(method, out _, out _)) return CoazMappingResult.UnknownMethod;

        JsonElement checkedParams;
        if (parameters is null) checkedParams = CoazParams.Empty;
        else if (CoazParams.Check(parameters.Value, out var error) is { } valid) checkedParams = valid;
        else return CoazMappingResult.Error(CoazMappingSource.None, error!);

        if (isToolsCall && _configuredToolsCall is not null)
        {
            return CoazRequestBuilder.Build(_configuredToolsCall, CoazMappingSource.Configured, caller, checkedParams);
        }
        if (isToolsCall && tools is not null
            && checkedParams.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            && tools.TryGet(name.GetString()!, out var declared))
        {
            return declared.Succeeded
                ? CoazRequestBuilder.Build(declared.Mapping, CoazMappingSource.Declared, caller, checkedParams)
                : CoazMappingResult.Error(CoazMappingSource.Declared, "the tool's declared mapping is malformed: " + declared.Error);
        }
        return _defaults.TryGet(method, out var mapping, out var source)
            ? CoazRequestBuilder.Build(mapping, source, caller, checkedParams)
            : CoazMappingResult.UnknownMethod;
    }
}
