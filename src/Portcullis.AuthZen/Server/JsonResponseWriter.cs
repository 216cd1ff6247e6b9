using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Portcullis.AuthZen.Protocol;

namespace Portcullis.AuthZen.Server;

/// <summary>Writes JSON responses with a Content-Length, reusing a per-thread buffer and writer.</summary>
internal static class JsonResponseWriter
{
    private const int RetainedBufferLimit = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static ValueTask<FlushResult> WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        // Serialization and the copy into the response pipe are synchronous, so the per-thread buffer is free again
        // before the flush is awaited.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = "application/json";
            response.ContentLength = buffer.WrittenCount;
            response.BodyWriter.Write(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > RetainedBufferLimit)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
                buffer.ResetWrittenCount();
            }
        }

        return context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static ValueTask<FlushResult> WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(
            context,
            status,
            new AuthZenErrorBody { Error = new AuthZenError { Status = status, Message = message } },
            AuthZenJsonContext.Default.AuthZenErrorBody);
}
