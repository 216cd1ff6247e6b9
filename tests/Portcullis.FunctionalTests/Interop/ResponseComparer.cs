using System.Text;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>Compares a PDP's answer with an interop case's expectation the way the AuthZEN interop harnesses do.</summary>
/// <remarks>
/// The harnesses (openid/authzen interop/*/test*/runner.ts) compare <c>JSON.stringify</c> output, so key order counts
/// and any extra member fails; null members are dropped first. Decisions must be exactly <c>{"decision": bool}</c>
/// (the todo harness reads only <c>decision</c> for a single evaluation; we hold the whole body to the same rule as
/// batch items). Search results are compared as sorted lists. The search harness ignores action names other than
/// view/edit/delete; here every returned action counts, which is stricter.
/// </remarks>
internal static class ResponseComparer
{
    /// <summary>Returns null when <paramref name="actual"/> answers the case, otherwise what differs.</summary>
    public static string? Mismatch(InteropEndpoint endpoint, JsonElement expected, JsonElement actual) => endpoint switch
    {
        InteropEndpoint.Evaluation => Differ(Canonical(actual), $"{{\"decision\":{expected.GetRawText()}}}"),
        InteropEndpoint.Evaluations => Differ(Canonical(Member(actual, "evaluations")), Canonical(expected)),
        _ => Differ(SortedResults(actual), SortedResults(expected)),
    };

    /// <summary>Writes <paramref name="element"/> compactly, keeping member order and dropping null members.</summary>
    public static string Canonical(JsonElement? element)
    {
        if (element is null) return "undefined";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element.Value);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Differ(string actual, string expected) =>
        string.Equals(actual, expected, StringComparison.Ordinal) ? null : $"expected {expected}\n     got {actual}";

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string SortedResults(JsonElement body)
    {
        // Like the harness: a missing results member counts as an empty list.
        var results = Member(body, "results");
        if (results is null) return "[]";
        if (results.Value.ValueKind != JsonValueKind.Array) return Canonical(results);
        var items = results.Value.EnumerateArray().OrderBy(SortKey, StringComparer.Ordinal).Select(i => Canonical(i));
        return "[" + string.Join(",", items) + "]";
    }

    private static string SortKey(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return item.GetRawText();
        if (item.TryGetProperty("type", out var type))
        {
            return $"{Text(type)}\0{(item.TryGetProperty("id", out var id) ? Text(id) : "")}";
        }
        return item.TryGetProperty("name", out var name) ? Text(name) : item.GetRawText();
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null) continue;
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
