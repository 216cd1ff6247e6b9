using System.Text.Json;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Reads one member of a JSON object, refusing duplicates: a parser that keeps the first occurrence and one
/// that keeps the last would otherwise read different values (a list filtered on one, shown from the other).</summary>
internal static class JsonMembers
{
    /// <summary>Finds the single member <paramref name="name"/> of <paramref name="element"/> (an object).</summary>
    /// <returns><see cref="JsonMemberLookup.Found"/>, <see cref="JsonMemberLookup.Missing"/> or <see cref="JsonMemberLookup.Duplicate"/>.</returns>
    public static JsonMemberLookup TryGetSingle(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        var found = false;
        foreach (var property in element.EnumerateObject())
        {
            if (!property.NameEquals(name))
            {
                continue;
            }

            if (found)
            {
                value = default;
                return JsonMemberLookup.Duplicate;
            }

            value = property.Value;
            found = true;
        }

        return found ? JsonMemberLookup.Found : JsonMemberLookup.Missing;
    }

    /// <summary>Returns the single string member <paramref name="name"/>, or null when it is missing, repeated or not a string.</summary>
    public static string? SingleString(JsonElement element, string name) =>
        TryGetSingle(element, name, out var value) == JsonMemberLookup.Found && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
