using System.Buffers;
using System.Text;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// The fields of one raw SSE event: its lines (terminators removed), the <c>event</c> type and the data (the
/// <c>data</c> lines joined with LF). Comment lines (starting with <c>:</c>) and other fields are kept as lines so a
/// rewritten event keeps them.
/// </summary>
internal sealed class SseEvent
{
    private SseEvent(IReadOnlyList<byte[]> lines, string? eventType, byte[] data, bool hasData)
    {
        Lines = lines;
        EventType = eventType;
        Data = data;
        HasData = hasData;
    }

    /// <summary>Gets the event's non-empty lines in order, without their terminators.</summary>
    public IReadOnlyList<byte[]> Lines { get; }

    /// <summary>Gets the last <c>event</c> field, or null (the type is then <c>message</c>).</summary>
    public string? EventType { get; }

    /// <summary>Gets the data: the <c>data</c> lines' values joined with LF.</summary>
    public byte[] Data { get; }

    /// <summary>Gets a value indicating whether the event has at least one <c>data</c> line.</summary>
    public bool HasData { get; }

    /// <summary>Returns whether <paramref name="line"/> is a <c>data</c> field line.</summary>
    public static bool IsDataLine(ReadOnlySpan<byte> line) => FieldName(line).SequenceEqual("data"u8);

    /// <summary>Parses a raw event as cut by <see cref="SseEventReader"/>.</summary>
    public static SseEvent Parse(ReadOnlySequence<byte> rawEvent)
    {
        var lines = new List<byte[]>();
        var data = new ArrayBufferWriter<byte>();
        string? eventType = null;
        var hasData = false;
        var reader = new SequenceReader<byte>(rawEvent);
        while (!reader.End)
        {
            if (!reader.TryReadToAny(out ReadOnlySequence<byte> lineSequence, "\r\n"u8, advancePastDelimiter: false))
            {
                lineSequence = reader.UnreadSequence;
                reader.AdvanceToEnd();
            }
            else if (reader.TryRead(out var terminator) && terminator == (byte)'\r')
            {
                reader.IsNext((byte)'\n', advancePast: true);
            }

            if (lineSequence.IsEmpty)
            {
                continue;
            }

            var line = lineSequence.ToArray();
            lines.Add(line);
            var name = FieldName(line);
            var value = FieldValue(line);
            if (name.SequenceEqual("data"u8))
            {
                if (hasData)
                {
                    data.Write("\n"u8);
                }
                data.Write(value);
                hasData = true;
            }
            else if (name.SequenceEqual("event"u8))
            {
                eventType = Encoding.UTF8.GetString(value);
            }
        }

        return new SseEvent(lines, eventType, data.WrittenSpan.ToArray(), hasData);
    }

    private static ReadOnlySpan<byte> FieldName(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        return colon < 0 ? line : line[..colon];
    }

    private static ReadOnlySpan<byte> FieldValue(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            return [];
        }
        var value = line[(colon + 1)..];
        return value.Length > 0 && value[0] == (byte)' ' ? value[1..] : value;
    }
}
