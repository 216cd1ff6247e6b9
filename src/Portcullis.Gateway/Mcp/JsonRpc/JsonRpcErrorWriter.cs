using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>
/// Writes JSON-RPC error responses the gateway makes itself: as an <c>application/json</c> body, as an SSE
/// <c>message</c> event (when the stage answers inside a stream it already opened), and as a batch array. The id is
/// echoed exactly as received (number, string or null).
/// </summary>
internal static class JsonRpcErrorWriter
{
    /// <summary>The media type of a JSON response.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The media type of an SSE stream.</summary>
    public const string EventStreamContentType = "text/event-stream";

    /// <summary>Writes <paramref name="error"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, JsonRpcError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WritePropertyName("id"u8);
        error.Id.WriteTo(writer);
        writer.WriteStartObject("error"u8);
        writer.WriteNumber("code"u8, error.Code);
        writer.WriteString("message"u8, error.Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Returns <paramref name="error"/> as UTF-8 JSON.</summary>
    public static byte[] ToJson(JsonRpcError error)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, error);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Returns a JSON array of the given responses, each already a complete JSON-RPC response object
    /// (errors from <see cref="ToJson"/>, or responses the upstream sent), in the order given.</summary>
    public static byte[] ToJsonArray(IEnumerable<ReadOnlyMemory<byte>> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var response in responses)
            {
                writer.WriteRawValue(response.Span);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Returns <paramref name="error"/> as an SSE event: <c>event: message</c>, <c>data: {...}</c>, blank line.</summary>
    public static byte[] ToSseEvent(JsonRpcError error)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        SseEventWriter.Write(buffer, SseEventWriter.MessageEventType, ToJson(error));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Answers the request with <paramref name="error"/> as <c>application/json</c> and the given HTTP status
    /// (200 for an error about the message, 400 for a header mismatch, 413 for a body too large...).</summary>
    public static Task WriteJsonAsync(HttpResponse response, int statusCode, JsonRpcError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = ToJson(error);
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    /// <summary>Writes <paramref name="error"/> as one event to an SSE stream and flushes it.</summary>
    public static async Task WriteSseAsync(Stream stream, JsonRpcError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(ToSseEvent(error), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
