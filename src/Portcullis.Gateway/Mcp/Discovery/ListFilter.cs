using System.Text.Json;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Per-caller discovery: filters a <c>tools/list</c>, <c>prompts/list</c>, <c>resources/list</c> or
/// <c>resources/templates/list</c> result with one AuthZEN Access Evaluations call, whatever the list's size.</summary>
/// <remarks>
/// <para>The MCP stage calls <see cref="FilterAsync"/> with the upstream's <c>result</c> of a successful list
/// response (after observing a <c>tools/list</c> result in the <see cref="DeclaredMappingStore{TCompiled}"/>, which
/// needs the unfiltered list), then writes <see cref="ListFilterResult.FilteredResult"/> as the response's
/// <c>result</c>, or a JSON-RPC error <see cref="ListFilterResult.InternalErrorCode"/> with the request's id when
/// filtering failed: the caller never gets the unfiltered list.</para>
/// <para>The request has the COAZ-MCP default subject <c>{type: identity, id}</c> and <c>context.agent</c> at the
/// top level, and one item per distinct entry key with the action and resource of the method that uses the entry
/// (<see cref="DiscoveryList"/>); for tools, one more <c>resources/read</c> item per distinct MCP Apps link
/// (<c>ui://</c>), whose denial removes the link from the listed tool. A tool with a declared
/// <c>x-authzen-mapping</c> is still listed by the default <c>tools/call</c> shape, as its mapping needs the call's
/// arguments. Entries that cannot be identified (no key, not an object, a member repeated) are removed unasked.</para>
/// <para>MCP 2026-07-28 and later: <c>cacheScope</c> is set to <c>private</c> (see <see cref="McpCacheScope"/>).</para>
/// </remarks>
/// <param name="pdp">The route's PDP.</param>
public sealed class ListFilter(IAuthZenPdp pdp)
{
    private readonly IAuthZenPdp _pdp = pdp ?? throw new ArgumentNullException(nameof(pdp));

    /// <summary>Filters <paramref name="result"/> for <paramref name="caller"/>.</summary>
    /// <param name="list">The list method the result answers.</param>
    /// <param name="result">The upstream's JSON-RPC <c>result</c>.</param>
    /// <param name="caller">The subject and agent.</param>
    /// <param name="protocolVersion">The negotiated MCP revision (e.g. <c>2025-11-25</c>), or null when unknown.</param>
    /// <param name="cancellationToken">Cancels the PDP call (the caller left).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<ListFilterResult> FilterAsync(
        DiscoveryList list, JsonElement result, DiscoveryCaller caller, string? protocolVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(caller);
        if (result.ValueKind != JsonValueKind.Object)
        {
            return ListFilterResult.Failed(ListFilterStatus.InvalidResult, $"the {list.Method} result is not an object");
        }

        switch (JsonMembers.TryGetSingle(result, list.ArrayProperty, out var entries))
        {
            case JsonMemberLookup.Duplicate:
                return ListFilterResult.Failed(ListFilterStatus.InvalidResult, $"the {list.Method} result has '{list.ArrayProperty}' more than once");
            case JsonMemberLookup.Missing:
            case JsonMemberLookup.Found when entries.ValueKind != JsonValueKind.Array:
                return ListFilterResult.Failed(ListFilterStatus.InvalidResult, $"the {list.Method} result has no '{list.ArrayProperty}' array");
        }

        var plan = ListFilterPlan.Build(list, entries);
        IReadOnlyList<EvaluationResponse> decisions = [];
        if (plan.Items.Count > 0)
        {
            try
            {
                var response = await _pdp.EvaluationsAsync(BuildRequest(caller, plan.Items), cancellationToken).ConfigureAwait(false);
                decisions = response.Evaluations;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return ListFilterResult.Failed(ListFilterStatus.PdpFailed, $"the PDP could not decide the {list.Method} entries", e);
            }

            if (decisions.Count != plan.Items.Count)
            {
                return ListFilterResult.Failed(
                    ListFilterStatus.PdpFailed, $"the PDP answered {decisions.Count} decisions for {plan.Items.Count} {list.Method} items");
            }
        }

        var filtered = ListResultWriter.Write(result, plan, decisions, McpCacheScope.IsDefined(protocolVersion), out var counts);
        return new ListFilterResult
        {
            Status = ListFilterStatus.Filtered,
            FilteredResult = filtered,
            Kept = counts.Kept,
            Removed = counts.Removed,
            UiLinksRemoved = counts.UiLinksRemoved,
            Evaluations = plan.Items.Count,
        };
    }

    /// <summary>Builds the one Access Evaluations request: subject and <c>context.agent</c> as top-level defaults.</summary>
    internal static EvaluationsRequest BuildRequest(DiscoveryCaller caller, IReadOnlyList<EvaluationItem> items) => new()
    {
        Subject = new Subject { Type = "identity", Id = caller.SubjectId, Properties = caller.SubjectProperties },
        Context = AgentContext(caller.ClientId),
        Evaluations = items,
    };

    private static JsonElement AgentContext(string? clientId) => Mapping.JsonValues.Build(clientId, static (writer, agent) =>
    {
        writer.WriteStartObject();
        if (agent is not null)
        {
            // COAZ-MCP's "$token.?client_id": absent when the token names no client.
            writer.WriteString("agent", agent);
        }

        writer.WriteEndObject();
    });
}
