using System.Text.Json;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>Reads JSON strings that may hold escapes <see cref="JsonElement.GetString"/> refuses (a lone surrogate
/// such as <c>"\ud800"</c>): such a string counts as unreadable instead of throwing.</summary>
internal static class JsonRpcStrings
{
    /// <summary>Returns whether <paramref name="element"/> is a string that decodes to valid UTF-16.</summary>
    public static bool TryGet(JsonElement element, out string value)
    {
        value = string.Empty;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
