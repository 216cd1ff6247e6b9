using System.Text.Json;
using System.Text.Unicode;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>
/// Reads a POSTed MCP body: at most <c>maxBodyBytes + 1</c> bytes are ever buffered (a larger body is refused
/// unparsed, a <c>Content-Length</c> above the limit before reading anything), then parsed with
/// <see cref="JsonDocument"/> (depth at most <see cref="MaxDepth"/>, no comments or trailing commas, a repeated member
/// name refused so the gateway and the MCP server cannot read different values) and classified message by message.
/// The MCP stage calls <see cref="ReadAsync"/> with <c>HttpRequest.Body</c>, <c>HttpRequest.ContentLength</c> and
/// <c>McpRouteConfig.MaxBodyBytes</c>, answers <see cref="JsonRpcBody.Error"/> when the status is not
/// <see cref="JsonRpcBodyStatus.Messages"/>, and otherwise forwards <see cref="JsonRpcBody.Bytes"/>.
/// </summary>
internal static class JsonRpcBodyReader
{
    /// <summary>The deepest nesting accepted; deeper JSON is a parse error, never a stack overflow.</summary>
    public const int MaxDepth = 64;

    private const int InitialBufferSize = 16 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads <paramref name="body"/> to its end, or until it passes <paramref name="maxBodyBytes"/>.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="contentLength">The declared length, if any: above the limit it is refused without reading.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <param name="cancellationToken">Cancels the read (the request was aborted).</param>
    public static async ValueTask<JsonRpcBody> ReadAsync(Stream body, long? contentLength, long maxBodyBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var limit = (int)Math.Clamp(maxBodyBytes, 0, Array.MaxLength - 1);
        if (contentLength > limit)
        {
            return TooLarge(limit);
        }

        // One byte more than the limit tells "exactly at the limit" from "over it" without reading further.
        var buffer = new byte[(int)Math.Min(contentLength is { } declared ? declared + 1 : InitialBufferSize, limit + 1L)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > limit)
                {
                    return TooLarge(limit);
                }
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1L));
            }

            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return Parse(buffer.AsMemory(0, filled));
            }
            filled += read;
        }
    }

    /// <summary>Parses <paramref name="json"/> with the reader's limits (valid UTF-8, depth, no repeated member name),
    /// for JSON-RPC messages from elsewhere (an upstream's JSON response or SSE event data).</summary>
    /// <exception cref="JsonException">The text is not acceptable JSON.</exception>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> json)
    {
        // JsonDocument checks UTF-8 only when a string is read; checked here so no later GetString can throw.
        if (!Utf8.IsValid(json.Span))
        {
            throw new JsonException("invalid UTF-8");
        }
        return JsonDocument.Parse(json, DocumentOptions);
    }

    /// <summary>Parses and classifies <paramref name="bytes"/>, which must stay unchanged until the body is disposed.</summary>
    public static JsonRpcBody Parse(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = ParseDocument(bytes);
        }
        catch (JsonException)
        {
            // The exception text quotes the input; the client gets a fixed message.
            return JsonRpcBody.Failed(JsonRpcBodyStatus.ParseError,
                new JsonRpcError(JsonRpcErrorCodes.ParseError,
                    $"Parse error: the body is not valid JSON (malformed or truncated, nested deeper than {MaxDepth}, or a member name repeated)",
                    JsonRpcId.Null),
                bytes);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            return JsonRpcBody.Parsed(document, bytes, isBatch: false, [JsonRpcMessageClassifier.Classify(root)]);
        }

        var length = root.GetArrayLength();
        if (length == 0)
        {
            return JsonRpcBody.EmptyBatch(document, bytes,
                new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: an empty batch", JsonRpcId.Null));
        }

        var messages = new JsonRpcMessage[length];
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            messages[index++] = JsonRpcMessageClassifier.Classify(element);
        }
        return JsonRpcBody.Parsed(document, bytes, isBatch: true, messages);
    }

    private static JsonRpcBody TooLarge(int limit) =>
        JsonRpcBody.Failed(JsonRpcBodyStatus.TooLarge,
            new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, $"Invalid Request: the body is larger than {limit} bytes", JsonRpcId.Null),
            ReadOnlyMemory<byte>.Empty);
}
