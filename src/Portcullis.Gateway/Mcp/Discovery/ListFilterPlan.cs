using System.Text.Json;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The evaluation items of one list result, one per distinct entry key and per distinct UI link, and the
/// plan of each entry.</summary>
internal sealed class ListFilterPlan
{
    private readonly Dictionary<string, int> _entryItems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _uiItems = new(StringComparer.Ordinal);

    private ListFilterPlan(DiscoveryList list, int capacity)
    {
        List = list;
        Items = new List<EvaluationItem>(capacity);
        Entries = new List<ListEntryPlan>(capacity);
    }

    /// <summary>Gets the list being filtered.</summary>
    public DiscoveryList List { get; }

    /// <summary>Gets the evaluation items, in the order the PDP answers them.</summary>
    public List<EvaluationItem> Items { get; }

    /// <summary>Gets the plan of each entry, in the entries' order.</summary>
    public List<ListEntryPlan> Entries { get; }

    /// <summary>Plans the entries of <paramref name="entries"/> (the result's array).</summary>
    public static ListFilterPlan Build(DiscoveryList list, JsonElement entries)
    {
        var plan = new ListFilterPlan(list, entries.GetArrayLength());
        foreach (var entry in entries.EnumerateArray())
        {
            plan.Entries.Add(plan.PlanEntry(entry));
        }

        return plan;
    }

    private ListEntryPlan PlanEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || JsonMembers.SingleString(entry, List.KeyProperty) is not { Length: > 0 } key)
        {
            return ListEntryPlan.Dropped;
        }

        string? nested = null;
        string? legacy = null;
        if (List.Kind == DiscoveryListKind.Tools && !ToolUiLinks.TryRead(entry, out nested, out legacy))
        {
            return ListEntryPlan.Dropped;
        }

        var item = ItemFor(_entryItems, List.Action, List.ResourceType, key);
        var nestedItem = nested is { Length: > 0 } ? ItemFor(_uiItems, DiscoveryList.ReadAction, DiscoveryList.ResourceTypeName, nested) : -1;
        var legacyItem = legacy is { Length: > 0 } ? ItemFor(_uiItems, DiscoveryList.ReadAction, DiscoveryList.ResourceTypeName, legacy) : -1;
        return new ListEntryPlan(item, nestedItem, legacyItem);
    }

    private int ItemFor(Dictionary<string, int> index, string action, string resourceType, string id)
    {
        if (index.TryGetValue(id, out var existing))
        {
            return existing;
        }

        Items.Add(new EvaluationItem
        {
            Action = new AccessAction { Name = action },
            Resource = new Resource { Type = resourceType, Id = id },
        });
        index.Add(id, Items.Count - 1);
        return Items.Count - 1;
    }
}
