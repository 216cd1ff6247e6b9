using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Portcullis.AuthZen.Validation;

namespace Portcullis.AuthZen.Server;

/// <summary>Reads a JSON request body within a size limit, straight from the request pipe.</summary>
internal static class RequestBodyReader
{
    public const string ContentTypeError = "Content-Type must be application/json";
    public const string TooLargeError = "request body is too large";

    public static async ValueTask<RequestBodyResult<T>> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, int maxBytes)
        where T : class
    {
        // AuthZEN 1.0 "HTTPS JSON Binding": requests MUST carry Content-Type application/json; its error table has
        // only 400 for a bad request, so a wrong media type is a 400 rather than 415.
        if (!IsJson(context.Request.ContentType))
        {
            return new(null, StatusCodes.Status400BadRequest, ContentTypeError);
        }

        if (context.Request.ContentLength > maxBytes)
        {
            return new(null, StatusCodes.Status413PayloadTooLarge, TooLargeError);
        }

        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return new(null, StatusCodes.Status413PayloadTooLarge, TooLargeError);
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                var result = Parse(buffer, typeInfo);
                reader.AdvanceTo(buffer.End);
                return result;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    internal static bool IsJson(string? contentType)
    {
        if (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = media.Charset;
        return !charset.HasValue ||
            charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ||
            charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static RequestBodyResult<T> Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (body.IsSingleSegment)
        {
            return Parse(body.FirstSpan, typeInfo);
        }

        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return Parse(rented.AsSpan(0, length), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static RequestBodyResult<T> Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
        where T : class =>
        AuthZenRequestParser.TryParse(body, typeInfo, out var value, out var error)
            ? new(value, StatusCodes.Status200OK, null)
            : new(null, StatusCodes.Status400BadRequest, error);
}
