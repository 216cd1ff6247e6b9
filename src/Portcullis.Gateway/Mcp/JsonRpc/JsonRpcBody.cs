using System.Text.Json;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>
/// A POSTed JSON-RPC body, read and classified by <see cref="JsonRpcBodyReader"/>. It owns the parsed document:
/// the <see cref="JsonElement"/>s of its <see cref="Messages"/> are valid until <see cref="Dispose"/>, so the MCP stage
/// keeps the body for the whole request (decision, then forwarding <see cref="Bytes"/> unchanged to the upstream) and
/// disposes it when the response is done.
/// </summary>
internal sealed class JsonRpcBody : IDisposable
{
    private readonly JsonDocument? _document;

    private JsonRpcBody(JsonRpcBodyStatus status, JsonRpcError? error, JsonDocument? document, ReadOnlyMemory<byte> bytes,
        bool isBatch, IReadOnlyList<JsonRpcMessage> messages)
    {
        Status = status;
        Error = error;
        _document = document;
        Bytes = bytes;
        IsBatch = isBatch;
        Messages = messages;
    }

    /// <summary>Gets the outcome of reading.</summary>
    public JsonRpcBodyStatus Status { get; }

    /// <summary>Gets the single error to answer the whole body with when <see cref="Status"/> is not
    /// <see cref="JsonRpcBodyStatus.Messages"/>; null otherwise (invalid messages carry their own errors).</summary>
    public JsonRpcError? Error { get; }

    /// <summary>Gets the body as received (empty when too large): what the stage forwards.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets a value indicating whether the body is a JSON array (a batch), even of one message.</summary>
    public bool IsBatch { get; }

    /// <summary>Gets the messages in body order: one for a single message, one per element for a batch.</summary>
    public IReadOnlyList<JsonRpcMessage> Messages { get; }

    /// <summary>Gets the root element of the parsed document (valid until disposed).</summary>
    /// <exception cref="InvalidOperationException">The body was not parsed.</exception>
    public JsonElement Root => _document?.RootElement ?? throw new InvalidOperationException("The body was not parsed.");

    internal static JsonRpcBody Failed(JsonRpcBodyStatus status, JsonRpcError error, ReadOnlyMemory<byte> bytes) =>
        new(status, error, document: null, bytes, isBatch: false, []);

    internal static JsonRpcBody EmptyBatch(JsonDocument document, ReadOnlyMemory<byte> bytes, JsonRpcError error) =>
        new(JsonRpcBodyStatus.EmptyBatch, error, document, bytes, isBatch: true, []);

    internal static JsonRpcBody Parsed(JsonDocument document, ReadOnlyMemory<byte> bytes, bool isBatch,
        IReadOnlyList<JsonRpcMessage> messages) =>
        new(JsonRpcBodyStatus.Messages, error: null, document, bytes, isBatch, messages);

    /// <summary>Returns the document's pooled memory; the messages' elements must not be used afterwards.</summary>
    public void Dispose() => _document?.Dispose();
}
