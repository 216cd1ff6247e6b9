using System.Buffers;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// Cuts a <c>text/event-stream</c> buffer into raw events: an event ends with an empty line, and lines end with CRLF,
/// LF or CR (WHATWG HTML 9.2.5 "Parsing an event stream"). A CR at the very end of a buffer that is not the last waits
/// for the next byte, so a CRLF split across reads is one line ending.
/// </summary>
internal static class SseEventReader
{
    /// <summary>Takes the first complete event (with its closing empty line) off <paramref name="buffer"/>.</summary>
    /// <returns>False when <paramref name="buffer"/> holds no complete event yet.</returns>
    public static bool TryReadEvent(ref ReadOnlySequence<byte> buffer, bool isFinalBlock, out ReadOnlySequence<byte> rawEvent)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (true)
        {
            var lineStart = reader.Consumed;
            if (!reader.TryAdvanceToAny("\r\n"u8, advancePastDelimiter: false))
            {
                rawEvent = default;
                return false;
            }

            var lineLength = reader.Consumed - lineStart;
            reader.TryRead(out var terminator);
            if (terminator == (byte)'\r')
            {
                if (reader.End && !isFinalBlock)
                {
                    rawEvent = default;
                    return false;
                }
                reader.IsNext((byte)'\n', advancePast: true);
            }

            if (lineLength == 0)
            {
                rawEvent = buffer.Slice(0, reader.Position);
                buffer = buffer.Slice(reader.Position);
                return true;
            }
        }
    }
}
