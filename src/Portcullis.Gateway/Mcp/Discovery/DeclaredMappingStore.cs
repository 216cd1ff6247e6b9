using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Declared mappings learned from the <c>tools/list</c> results the gateway proxies, per upstream: each
/// tool's <c>inputSchema["x-authzen-mapping"]</c> (COAZ-MCP "Declaring a Mapping"), compiled once, plus the MCP Apps
/// resources each tool links.</summary>
/// <remarks>
/// <para>The MCP stage calls <see cref="Observe"/> with every successful <c>tools/list</c> result from the upstream,
/// before filtering it for the caller (<c>firstPage</c>: the request had no <c>cursor</c>), calls
/// <see cref="Clear"/> on <c>notifications/tools/list_changed</c>, and on <c>tools/call</c> calls <see cref="Find"/>
/// with the exact tool name (case-sensitive, as MCP names are). For <c>resources/read</c> of a <c>ui://</c> resource
/// it calls <see cref="ToolsLinking"/> and authorizes the read like those tools.</para>
/// <para>A complete list replaces the upstream's set: a page without <c>nextCursor</c> ends it; pages are merged
/// until then (lookups see them at once). A page whose first page was not seen is merged into the current set.
/// Reads never lock: each change publishes a new immutable set.</para>
/// </remarks>
/// <typeparam name="TCompiled">The compiled mapping's type (the COAZ mapping compiler's); the store does not depend on it.</typeparam>
public sealed class DeclaredMappingStore<TCompiled>
{
    private const int MaxProblemLength = 200;
    private readonly ConcurrentDictionary<string, Slot> _upstreams = new(StringComparer.Ordinal);
    private readonly Func<JsonElement, TCompiled> _compile;
    private readonly DeclaredMappingLimits _limits;
    private readonly ILogger _logger;

    /// <summary>Creates a store.</summary>
    /// <param name="compile">Compiles a declared mapping (a cloned JSON object); an exception makes the mapping
    /// <see cref="DeclaredMappingKind.Invalid"/> with the exception's message as the problem.</param>
    /// <param name="limits">The bounds; defaults to <see cref="DeclaredMappingLimits"/>'s defaults.</param>
    /// <param name="logger">Receives warnings about unusable mappings and bounds.</param>
    public DeclaredMappingStore(Func<JsonElement, TCompiled> compile, DeclaredMappingLimits? limits = null, ILogger? logger = null)
    {
        _compile = compile ?? throw new ArgumentNullException(nameof(compile));
        _limits = limits ?? new DeclaredMappingLimits();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Records the tools of one <c>tools/list</c> result page from <paramref name="upstreamId"/> (the route id).</summary>
    /// <param name="upstreamId">The upstream (route id).</param>
    /// <param name="toolsListResult">The JSON-RPC <c>result</c> of the upstream's <c>tools/list</c> response, unfiltered.</param>
    /// <param name="firstPage">Whether the request had no <c>cursor</c>, so this page starts a new list.</param>
    public DeclaredMappingObservation Observe(string upstreamId, JsonElement toolsListResult, bool firstPage)
    {
        ArgumentNullException.ThrowIfNull(upstreamId);
        if (toolsListResult.ValueKind != JsonValueKind.Object ||
            JsonMembers.TryGetSingle(toolsListResult, DiscoveryList.Tools.ArrayProperty, out var tools) != JsonMemberLookup.Found ||
            tools.ValueKind != JsonValueKind.Array)
        {
            DiscoveryLog.InvalidToolsList(_logger, upstreamId);
            return default;
        }

        var hasNext = JsonMembers.SingleString(toolsListResult, "nextCursor") is { Length: > 0 };
        var slot = _upstreams.GetOrAdd(upstreamId, static _ => new Slot());
        var known = Volatile.Read(ref slot.Set);
        var page = new List<DeclaredTool<TCompiled>>(tools.GetArrayLength());
        var skipped = 0;
        foreach (var entry in tools.EnumerateArray())
        {
            if (ReadTool(entry, known) is { } tool) page.Add(tool);
            else skipped++;
        }

        int recorded = 0, declared = 0, invalid = 0;
        bool published, truncated;
        lock (slot.Gate)
        {
            var set = slot.Set;
            var orphan = !firstPage && set.Pending is null;
            var target = firstPage ? new Dictionary<string, DeclaredTool<TCompiled>>(StringComparer.Ordinal)
                : new Dictionary<string, DeclaredTool<TCompiled>>(orphan ? set.Current : set.Pending!.Tools, StringComparer.Ordinal);
            var bytes = firstPage ? 0 : orphan ? set.Current.Values.Sum(static t => (long)t.MappingBytes) : set.Pending!.MappingBytes;
            truncated = !firstPage && (orphan ? set.Truncated : set.Pending!.Truncated);
            foreach (var tool in page)
            {
                if (!target.TryGetValue(tool.Name, out var existing) && target.Count >= _limits.MaxToolsPerUpstream)
                {
                    truncated = true;
                    skipped++;
                    continue;
                }

                var kept = Admit(tool, existing, ref bytes);
                target[tool.Name] = kept;
                recorded++;
                if (kept.Kind == DeclaredMappingKind.Declared) declared++;
                if (kept.Kind == DeclaredMappingKind.Invalid)
                {
                    invalid++;
                    DiscoveryLog.InvalidMapping(_logger, upstreamId, kept.Name, kept.Problem ?? "unusable");
                }
            }

            published = !hasNext || orphan;
            var next = published
                ? new DeclaredToolSet<TCompiled>(target, complete: orphan ? set.Complete : true, truncated, pending: null)
                : new DeclaredToolSet<TCompiled>(set.Current, set.Complete, set.Truncated, new DeclaredToolPages<TCompiled>(target, bytes, truncated));
            Volatile.Write(ref slot.Set, next);
        }

        if (truncated)
        {
            DiscoveryLog.TooManyTools(_logger, upstreamId, _limits.MaxToolsPerUpstream);
        }

        return new DeclaredMappingObservation(recorded, declared, invalid, skipped, published, Valid: true);
    }

    /// <summary>Forgets <paramref name="upstreamId"/>'s tools (<c>notifications/tools/list_changed</c>): until the next
    /// list every tool looks up as <see cref="DeclaredMappingKind.Unknown"/>.</summary>
    public void Clear(string upstreamId)
    {
        ArgumentNullException.ThrowIfNull(upstreamId);
        if (_upstreams.TryGetValue(upstreamId, out var slot))
        {
            lock (slot.Gate)
            {
                Volatile.Write(ref slot.Set, DeclaredToolSet<TCompiled>.Empty);
            }

            DiscoveryLog.Cleared(_logger, upstreamId);
        }
    }

    /// <summary>Finds what is known of tool <paramref name="toolName"/> (exact, case-sensitive) of <paramref name="upstreamId"/>.</summary>
    public DeclaredMappingLookup<TCompiled> Find(string upstreamId, string toolName)
    {
        ArgumentNullException.ThrowIfNull(upstreamId);
        ArgumentNullException.ThrowIfNull(toolName);
        return _upstreams.TryGetValue(upstreamId, out var slot)
            ? Volatile.Read(ref slot.Set).Find(toolName)
            : new DeclaredMappingLookup<TCompiled>(DeclaredMappingKind.Unknown, null);
    }

    /// <summary>Returns a tool of <paramref name="upstreamId"/> whose name differs from <paramref name="toolName"/> only in
    /// case, surrounding white space or Unicode compatibility form, or null: a call by such a name is refused, since a server that matches names loosely would run the listed
    /// tool under a name the policy never saw.</summary>
    public string? CaseVariant(string upstreamId, string toolName)
    {
        ArgumentNullException.ThrowIfNull(upstreamId);
        ArgumentNullException.ThrowIfNull(toolName);
        return _upstreams.TryGetValue(upstreamId, out var slot) ? Volatile.Read(ref slot.Set).CaseVariantOf(toolName) : null;
    }

    /// <summary>Returns the tools of <paramref name="upstreamId"/> whose <c>_meta.ui.resourceUri</c> (or legacy flat
    /// key) is exactly <paramref name="resourceUri"/>, sorted ordinally; empty when none does.</summary>
    /// <remarks>MCP Apps: a host reads a tool's <c>ui://</c> resource to render it, so the stage authorizes that
    /// <c>resources/read</c> like the linking tool (several: allowed when any of them may be called).</remarks>
    public IReadOnlyList<string> ToolsLinking(string upstreamId, string resourceUri)
    {
        ArgumentNullException.ThrowIfNull(upstreamId);
        ArgumentNullException.ThrowIfNull(resourceUri);
        return _upstreams.TryGetValue(upstreamId, out var slot) && Volatile.Read(ref slot.Set).UiLinks.TryGetValue(resourceUri, out var tools)
            ? tools
            : [];
    }

    private DeclaredTool<TCompiled> Admit(DeclaredTool<TCompiled> tool, DeclaredTool<TCompiled>? existing, ref long bytes)
    {
        if (existing is not null)
        {
            bytes -= existing.MappingBytes;
            if (!SameMapping(existing, tool))
            {
                // A name listed twice with different mappings: which one a call means is unknown.
                return Invalid(tool.Name, tool.UiResourceUris, "the tool is listed more than once with different mappings");
            }
        }

        if (tool.MappingBytes > 0 && bytes + tool.MappingBytes > _limits.MaxTotalMappingBytes)
        {
            return Invalid(tool.Name, tool.UiResourceUris, $"the upstream's declared mappings exceed {_limits.MaxTotalMappingBytes} bytes");
        }

        bytes += tool.MappingBytes;
        return tool;
    }

    private DeclaredTool<TCompiled>? ReadTool(JsonElement entry, DeclaredToolSet<TCompiled> known)
    {
        if (entry.ValueKind != JsonValueKind.Object || JsonMembers.SingleString(entry, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        IReadOnlyList<string> links = ToolUiLinks.TryRead(entry, out var nested, out var legacy)
            ? new[] { nested, legacy }.OfType<string>().Where(static u => u.Length > 0).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        switch (JsonMembers.TryGetSingle(entry, "inputSchema", out var schema))
        {
            case JsonMemberLookup.Duplicate:
                return Invalid(name, links, "inputSchema appears more than once");
            case JsonMemberLookup.Missing:
            case JsonMemberLookup.Found when schema.ValueKind != JsonValueKind.Object:
                return new DeclaredTool<TCompiled> { Name = name, Kind = DeclaredMappingKind.NotDeclared, UiResourceUris = links };
        }

        switch (JsonMembers.TryGetSingle(schema, "x-authzen-mapping", out var mapping))
        {
            case JsonMemberLookup.Missing:
                return new DeclaredTool<TCompiled> { Name = name, Kind = DeclaredMappingKind.NotDeclared, UiResourceUris = links };
            case JsonMemberLookup.Duplicate:
                return Invalid(name, links, "x-authzen-mapping appears more than once");
        }

        if (mapping.ValueKind != JsonValueKind.Object)
        {
            return Invalid(name, links, "x-authzen-mapping is not an object (it must be an object with exactly one key, 'evaluation' or 'evaluations')");
        }

        var size = JsonMarshal.GetRawUtf8Value(mapping).Length;
        if (size > _limits.MaxMappingBytes)
        {
            return Invalid(name, links, $"x-authzen-mapping is larger than {_limits.MaxMappingBytes} bytes");
        }

        var clone = mapping.Clone();
        if (known.Find(name).Tool is { Kind: DeclaredMappingKind.Declared, Mapping: { } previous } same &&
            JsonMarshal.GetRawUtf8Value(previous).SequenceEqual(JsonMarshal.GetRawUtf8Value(mapping)))
        {
            // The same mapping as before: keep its compiled form instead of compiling it on every list.
            return same with { UiResourceUris = links };
        }

        try
        {
            var compiled = _compile(clone);
            return new DeclaredTool<TCompiled>
            {
                Name = name, Kind = DeclaredMappingKind.Declared, Mapping = clone, Compiled = compiled, UiResourceUris = links, MappingBytes = size,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Invalid(name, links, Shorten(e.Message)) with { Mapping = clone, MappingBytes = size };
        }
    }

    private static bool SameMapping(DeclaredTool<TCompiled> a, DeclaredTool<TCompiled> b) => (a.Mapping, b.Mapping) switch
    {
        (null, null) => a.Kind == b.Kind,
        ({ } x, { } y) => JsonMarshal.GetRawUtf8Value(x).SequenceEqual(JsonMarshal.GetRawUtf8Value(y)),
        _ => false,
    };

    private static DeclaredTool<TCompiled> Invalid(string name, IReadOnlyList<string> links, string problem) =>
        new() { Name = name, Kind = DeclaredMappingKind.Invalid, Problem = problem, UiResourceUris = links };

    private static string Shorten(string message) => message.Length <= MaxProblemLength ? message : message[..MaxProblemLength] + "…";

    /// <summary>One upstream's published set and the lock its writers take.</summary>
    private sealed class Slot
    {
        public readonly Lock Gate = new();
        public DeclaredToolSet<TCompiled> Set = DeclaredToolSet<TCompiled>.Empty;
    }
}
