using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// Copies an upstream <c>text/event-stream</c> to the client event by event (never the whole stream in memory, one
/// flush per event), handing the JSON-RPC responses to chosen ids to a callback that may replace them. The filtering
/// stage uses it on SSE answers to list requests: <c>isTarget</c> picks the ids of the requests it filters, the
/// callback returns the filtered response. Every other event — notifications, comments, keep-alives, responses to other
/// ids, data that is not JSON — is written byte for byte as received; data that looks like JSON but cannot be read
/// safely ends the rewrite (<see cref="SseRewriteOutcome.EventNotInspectable"/>), as does an event over the limit.
/// A response inside an array (2025-03-26 batches) is handed over element by element and the array rebuilt. A rewritten event keeps its other lines (<c>id</c>,
/// <c>event</c>, comments) and gets its data as one <c>data:</c> line per line, LF endings.
/// </summary>
internal static class SseStreamRewriter
{
    /// <summary>The default largest event: a bigger one ends the rewrite (<see cref="SseRewriteOutcome.EventTooLarge"/>).</summary>
    public const int DefaultMaxEventBytes = 16 * 1024 * 1024;

    // Marks an event whose data could not be inspected (compared by reference).
    private static readonly byte[] NotInspectable = [];

    /// <summary>Rewrites <paramref name="source"/> into <paramref name="destination"/> until the source ends.</summary>
    /// <param name="source">The upstream response body.</param>
    /// <param name="destination">The client response body.</param>
    /// <param name="isTarget">Whether a response to this id is handed to <paramref name="transform"/>.</param>
    /// <param name="transform">Returns the replacement response, or null to keep it.</param>
    /// <param name="maxEventBytes">The largest event accepted.</param>
    /// <param name="cancellationToken">Cancels the copy (the client left).</param>
    /// <param name="onNotification">Called with the method of every JSON-RPC notification the stream carries (the stage
    /// watches for <c>notifications/tools/list_changed</c>), or null.</param>
    public static async Task<SseRewriteOutcome> RewriteAsync(PipeReader source, Stream destination, Func<JsonRpcId, bool> isTarget,
        SseResponseTransform transform, int maxEventBytes, CancellationToken cancellationToken, Action<string>? onNotification = null)
    {
        var handlers = new Handlers(isTarget, transform, onNotification);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(isTarget);
        ArgumentNullException.ThrowIfNull(transform);
        while (true)
        {
            var read = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            try
            {
                while (SseEventReader.TryReadEvent(ref buffer, read.IsCompleted, out var rawEvent))
                {
                    if (rawEvent.Length > maxEventBytes)
                    {
                        return SseRewriteOutcome.EventTooLarge;
                    }
                    if (!await WriteEventAsync(rawEvent, destination, handlers, cancellationToken).ConfigureAwait(false))
                    {
                        return SseRewriteOutcome.EventNotInspectable;
                    }
                }

                if (buffer.Length > maxEventBytes)
                {
                    return SseRewriteOutcome.EventTooLarge;
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    // The stream ended inside an event: treated as an event, so a trailing response is still seen.
                    if (!buffer.IsEmpty)
                    {
                        var written = await WriteEventAsync(buffer, destination, handlers, cancellationToken).ConfigureAwait(false);
                        buffer = buffer.Slice(buffer.End);
                        if (!written)
                        {
                            return SseRewriteOutcome.EventNotInspectable;
                        }
                    }
                    return SseRewriteOutcome.Completed;
                }
            }
            finally
            {
                source.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private static async Task<bool> WriteEventAsync(ReadOnlySequence<byte> rawEvent, Stream destination, Handlers handlers,
        CancellationToken cancellationToken)
    {
        var replacement = await TransformAsync(rawEvent, handlers, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(replacement, NotInspectable))
        {
            return false;
        }

        if (replacement is null)
        {
            foreach (var segment in rawEvent)
            {
                await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await destination.WriteAsync(replacement, cancellationToken).ConfigureAwait(false);
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async ValueTask<byte[]?> TransformAsync(ReadOnlySequence<byte> rawEvent, Handlers handlers, CancellationToken cancellationToken)
    {
        var sseEvent = SseEvent.Parse(rawEvent);
        if (!sseEvent.HasData || sseEvent.EventType is not (null or SseEventWriter.MessageEventType))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonRpcBodyReader.ParseDocument(sseEvent.Data);
        }
        catch (JsonException)
        {
            return LooksLikeJson(sseEvent.Data) ? NotInspectable : null;
        }

        using (document)
        {
            var root = document.RootElement;
            var newData = root.ValueKind == JsonValueKind.Array
                ? await TransformArrayAsync(root, handlers, cancellationToken).ConfigureAwait(false)
                : await TransformOneAsync(root, handlers, cancellationToken).ConfigureAwait(false);
            return newData is null ? null : Rebuild(sseEvent, newData.Value.Span);
        }
    }

    private static async ValueTask<ReadOnlyMemory<byte>?> TransformOneAsync(JsonElement element, Handlers handlers, CancellationToken cancellationToken)
    {
        var message = JsonRpcMessageClassifier.Classify(element);
        if (message is { Kind: JsonRpcMessageKind.Notification, Method: { } method }) handlers.OnNotification?.Invoke(method);
        return message is { Kind: JsonRpcMessageKind.Response, Id: { } id } && handlers.IsTarget(id)
            ? await handlers.Transform(message, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static async ValueTask<ReadOnlyMemory<byte>?> TransformArrayAsync(JsonElement array, Handlers handlers, CancellationToken cancellationToken)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        var changed = false;
        foreach (var element in array.EnumerateArray())
        {
            var replaced = await TransformOneAsync(element, handlers, cancellationToken).ConfigureAwait(false);
            changed |= replaced is not null;
            parts.Add(replaced ?? System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
        }
        return changed ? JsonRpcErrorWriter.ToJsonArray(parts) : null;
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> data)
    {
        var start = data.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && data[start] is (byte)'{' or (byte)'[';
    }

    private static byte[] Rebuild(SseEvent original, ReadOnlySpan<byte> data)
    {
        var output = new ArrayBufferWriter<byte>(data.Length + 64);
        var dataWritten = false;
        foreach (var line in original.Lines)
        {
            if (!SseEvent.IsDataLine(line))
            {
                output.Write(line);
                output.Write("\n"u8);
            }
            else if (!dataWritten)
            {
                SseEventWriter.WriteDataLines(output, data);
                dataWritten = true;
            }
        }
        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>What the caller of <see cref="RewriteAsync"/> asked for.</summary>
    private sealed record Handlers(Func<JsonRpcId, bool> IsTarget, SseResponseTransform Transform, Action<string>? OnNotification);
}
