using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Writes a list result without the denied entries and links. Every value that is not changed is copied as
/// the upstream's own bytes (cursors, unknown members, <c>_meta</c>, entries), so nothing else changes.</summary>
internal static class ListResultWriter
{
    private const string CacheScopeMember = "cacheScope";

    // Relaxed escaping: the result goes out as JSON-RPC (application/json or an SSE data line), never into HTML, and
    // the strict encoder would blow up every non-ASCII description into \u escapes.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="result"/> with the decisions of <paramref name="plan"/> applied.</summary>
    /// <param name="result">The upstream's result object.</param>
    /// <param name="plan">The entries' plan.</param>
    /// <param name="decisions">One decision per plan item (empty when the plan has none).</param>
    /// <param name="markPrivate">Whether to set <c>cacheScope</c> to <c>private</c> (the revision has the field).</param>
    /// <param name="counts">The kept, removed and UI-link-removed counts.</param>
    public static byte[] Write(
        JsonElement result, ListFilterPlan plan, IReadOnlyList<EvaluationResponse> decisions, bool markPrivate, out (int Kept, int Removed, int UiLinksRemoved) counts)
    {
        counts = default;
        var buffer = new ArrayBufferWriter<byte>(JsonMarshal.GetRawUtf8Value(result).Length + 32);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            var scopeWritten = false;
            foreach (var property in result.EnumerateObject())
            {
                if (property.NameEquals(plan.List.ArrayProperty))
                {
                    writer.WritePropertyName(property.Name);
                    WriteEntries(writer, property.Value, plan, decisions, ref counts);
                }
                else if (markPrivate && property.NameEquals(CacheScopeMember))
                {
                    if (!scopeWritten)
                    {
                        writer.WriteString(CacheScopeMember, McpCacheScope.Private);
                        scopeWritten = true;
                    }
                }
                else
                {
                    WriteRaw(writer, property);
                }
            }

            if (markPrivate && !scopeWritten)
            {
                writer.WriteString(CacheScopeMember, McpCacheScope.Private);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEntries(
        Utf8JsonWriter writer, JsonElement entries, ListFilterPlan plan, IReadOnlyList<EvaluationResponse> decisions, ref (int Kept, int Removed, int UiLinksRemoved) counts)
    {
        writer.WriteStartArray();
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var entryPlan = plan.Entries[index++];
            if (entryPlan.Item < 0 || !decisions[entryPlan.Item].Decision)
            {
                counts.Removed++;
                continue;
            }

            counts.Kept++;
            var dropNested = entryPlan.NestedUiItem >= 0 && !decisions[entryPlan.NestedUiItem].Decision;
            var dropLegacy = entryPlan.LegacyUiItem >= 0 && !decisions[entryPlan.LegacyUiItem].Decision;
            if (!dropNested && !dropLegacy)
            {
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(entry), skipInputValidation: true);
                continue;
            }

            counts.UiLinksRemoved += (dropNested ? 1 : 0) + (dropLegacy ? 1 : 0);
            WriteToolWithoutLinks(writer, entry, dropNested, dropLegacy);
        }

        writer.WriteEndArray();
    }

    private static void WriteToolWithoutLinks(Utf8JsonWriter writer, JsonElement tool, bool dropNested, bool dropLegacy)
    {
        writer.WriteStartObject();
        foreach (var property in tool.EnumerateObject())
        {
            if (!property.NameEquals("_meta"))
            {
                WriteRaw(writer, property);
                continue;
            }

            writer.WriteStartObject("_meta");
            foreach (var meta in property.Value.EnumerateObject())
            {
                if (meta.NameEquals(ToolUiLinks.LegacyMember))
                {
                    if (!dropLegacy) WriteRaw(writer, meta);
                }
                else if (meta.NameEquals(ToolUiLinks.UiMember) && dropNested)
                {
                    writer.WriteStartObject(ToolUiLinks.UiMember);
                    foreach (var ui in meta.Value.EnumerateObject())
                    {
                        if (!ui.NameEquals(ToolUiLinks.ResourceUriMember)) WriteRaw(writer, ui);
                    }

                    writer.WriteEndObject();
                }
                else
                {
                    WriteRaw(writer, meta);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteRaw(Utf8JsonWriter writer, JsonProperty property)
    {
        writer.WritePropertyName(property.Name);
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(property.Value), skipInputValidation: true);
    }
}
