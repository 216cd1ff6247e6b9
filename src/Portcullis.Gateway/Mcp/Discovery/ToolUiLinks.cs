using System.Text.Json;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Reads the MCP Apps links of a tool: the <c>ui://</c> resources a host renders for it.</summary>
/// <remarks>MCP Apps extension (<c>io.modelcontextprotocol/ui</c>, SEP-1865): a tool names its UI in
/// <c>_meta.ui.resourceUri</c>; servers still send the deprecated flat key <c>_meta["ui/resourceUri"]</c> beside it
/// for older hosts, so both are links and both are checked and removed.</remarks>
internal static class ToolUiLinks
{
    /// <summary>Gets the member of <c>_meta</c> that holds the UI object.</summary>
    public const string UiMember = "ui";

    /// <summary>Gets the member of <c>_meta.ui</c> that holds the link.</summary>
    public const string ResourceUriMember = "resourceUri";

    /// <summary>Gets the deprecated flat member of <c>_meta</c> that holds the link.</summary>
    public const string LegacyMember = "ui/resourceUri";

    /// <summary>Reads the links of <paramref name="tool"/> into <paramref name="nested"/> and <paramref name="legacy"/>
    /// (null when absent or not a string).</summary>
    /// <returns>False when <c>_meta</c>, <c>_meta.ui</c> or a link member appears twice: which one a host reads is
    /// unknown, so the caller drops the tool.</returns>
    public static bool TryRead(JsonElement tool, out string? nested, out string? legacy)
    {
        nested = null;
        legacy = null;
        switch (JsonMembers.TryGetSingle(tool, "_meta", out var meta))
        {
            case JsonMemberLookup.Duplicate:
                return false;
            case JsonMemberLookup.Missing:
                return true;
        }

        if (meta.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        switch (JsonMembers.TryGetSingle(meta, LegacyMember, out var flat))
        {
            case JsonMemberLookup.Duplicate:
                return false;
            case JsonMemberLookup.Found when flat.ValueKind == JsonValueKind.String:
                legacy = flat.GetString();
                break;
        }

        switch (JsonMembers.TryGetSingle(meta, UiMember, out var ui))
        {
            case JsonMemberLookup.Duplicate:
                return false;
            case JsonMemberLookup.Found when ui.ValueKind == JsonValueKind.Object:
                switch (JsonMembers.TryGetSingle(ui, ResourceUriMember, out var uri))
                {
                    case JsonMemberLookup.Duplicate:
                        return false;
                    case JsonMemberLookup.Found when uri.ValueKind == JsonValueKind.String:
                        nested = uri.GetString();
                        break;
                }

                break;
        }

        return true;
    }
}
