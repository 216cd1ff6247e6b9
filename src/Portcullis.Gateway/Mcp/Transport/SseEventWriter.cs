using System.Buffers;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// Writes one Server-Sent Event (WHATWG HTML "Server-sent events", 9.2.5 "Parsing an event stream"): optional
/// <c>id:</c> and <c>event:</c> lines, the data split into one <c>data:</c> line per line, and the blank line that
/// ends the event. Line endings are LF.
/// </summary>
internal static class SseEventWriter
{
    /// <summary>The event type MCP uses for JSON-RPC messages on a Streamable HTTP SSE stream.</summary>
    public const string MessageEventType = "message";

    /// <summary>Writes an event carrying <paramref name="data"/>; CR, LF and CRLF inside it start new <c>data:</c> lines.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="eventType">The <c>event:</c> field, or null for none.</param>
    /// <param name="data">The event's data (UTF-8).</param>
    /// <param name="eventId">The <c>id:</c> field, or null for none.</param>
    public static void Write(IBufferWriter<byte> output, string? eventType, ReadOnlySpan<byte> data, string? eventId = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (eventId is not null)
        {
            WriteField(output, "id: "u8, System.Text.Encoding.UTF8.GetBytes(eventId));
        }
        if (eventType is not null)
        {
            WriteField(output, "event: "u8, System.Text.Encoding.UTF8.GetBytes(eventType));
        }

        WriteDataLines(output, data);
        output.Write("\n"u8);
    }

    /// <summary>Writes <paramref name="data"/> as <c>data:</c> lines, one per line of it (CR, LF and CRLF split lines).</summary>
    public static void WriteDataLines(IBufferWriter<byte> output, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rest = data;
        while (true)
        {
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                WriteField(output, "data: "u8, rest);
                break;
            }

            WriteField(output, "data: "u8, rest[..end]);
            var skip = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
            rest = rest[(end + skip)..];
        }
    }

    private static void WriteField(IBufferWriter<byte> output, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        // A field value cannot hold a line break: the event type and id are cut at the first one.
        var cut = value.IndexOfAny((byte)'\r', (byte)'\n');
        output.Write(name);
        output.Write(cut < 0 ? value : value[..cut]);
        output.Write("\n"u8);
    }
}
