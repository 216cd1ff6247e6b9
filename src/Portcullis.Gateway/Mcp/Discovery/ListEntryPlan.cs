namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>How one entry of a list is decided: which evaluation item decides it and, for a tool, which decide its
/// MCP Apps links. An index of -1 means none.</summary>
/// <param name="Item">The item deciding the entry, or -1 when the entry is dropped unasked (not an object, no key,
/// ambiguous members).</param>
/// <param name="NestedUiItem">The item deciding <c>_meta.ui.resourceUri</c>, or -1.</param>
/// <param name="LegacyUiItem">The item deciding <c>_meta["ui/resourceUri"]</c>, or -1.</param>
internal readonly record struct ListEntryPlan(int Item, int NestedUiItem, int LegacyUiItem)
{
    /// <summary>Gets the plan of an entry that is removed without asking the PDP.</summary>
    public static ListEntryPlan Dropped { get; } = new(-1, -1, -1);
}
