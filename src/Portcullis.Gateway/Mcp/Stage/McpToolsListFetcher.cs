using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>Asks the MCP server for its <c>tools/list</c> when a <c>tools/call</c> arrives before the gateway has seen a
/// complete list from that server (a client that calls without listing, a session older than the gateway's start), so
/// a tool's declared <c>x-authzen-mapping</c> decides the call rather than the default <c>tools/call</c> shape.</summary>
/// <remarks>
/// <para>The request goes to the same endpoint with the caller's <c>Mcp-Session-Id</c> and <c>MCP-Protocol-Version</c>
/// (and the token only when the route passes it on), pages followed up to <see cref="MaxPages"/>; one fetch per server
/// at a time, the other calls waiting for it. The answer is observed exactly as a proxied one; nothing of it reaches the
/// caller. When the server cannot be asked (an error, a timeout of <see cref="Timeout"/>), the call is decided with the
/// default mapping — the PDP still sees the tool's exact name — and a warning is logged.</para>
/// </remarks>
internal sealed class McpToolsListFetcher(McpDeclaredMappings declared, ILogger<McpToolsListFetcher> logger) : IDisposable
{
    /// <summary>The most pages followed.</summary>
    public const int MaxPages = 20;

    /// <summary>The bound on the whole fetch.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const string RequestId = "\"portcullis-tools-list\"";
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>Learns the server's tools unless a complete list is already known; never throws for the server's faults.</summary>
    public async Task EnsureListedAsync(HttpContext context, GatewayFeature feature, McpExchange exchange)
    {
        var route = exchange.Route;
        var fetch = _inFlight.GetOrAdd(route.UpstreamId, _ => FetchAsync(context, feature, exchange));
        try
        {
            await fetch.WaitAsync(Timeout, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            McpLog.ToolsListFetchFailed(logger, feature.RequestId, feature.Route!.Config.Id, "timed out", null);
        }
        finally
        {
            if (fetch.IsCompleted) _inFlight.TryRemove(new KeyValuePair<string, Task>(route.UpstreamId, fetch));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task FetchAsync(HttpContext context, GatewayFeature feature, McpExchange exchange)
    {
        // Not the caller's cancellation: waiting calls share this fetch.
        using var timeout = new CancellationTokenSource(Timeout);
        var route = feature.Route!.Config;
        var endpoint = new Uri(route.Upstream.AbsoluteUri.TrimEnd('/') + context.Request.Path + context.Request.QueryString);
        try
        {
            string? cursor = null;
            for (var page = 0; page < MaxPages; page++)
            {
                using var result = await RequestPageAsync(context, exchange, endpoint, cursor, timeout.Token).ConfigureAwait(false);
                if (result is null)
                {
                    McpLog.ToolsListFetchFailed(logger, feature.RequestId, route.Id, "the server gave no tools/list result", null);
                    return;
                }

                declared.Store.Observe(exchange.Route.UpstreamId, result.RootElement, firstPage: page == 0);
                cursor = result.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                if (string.IsNullOrEmpty(cursor)) return;
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException)
        {
            McpLog.ToolsListFetchFailed(logger, feature.RequestId, route.Id, e.GetType().Name, e is HttpRequestException ? null : e);
        }
        finally
        {
            _inFlight.TryRemove(exchange.Route.UpstreamId, out _);
        }
    }

    /// <summary>Sends one <c>tools/list</c> and returns its <c>result</c> (a document whose root is the result), or null.</summary>
    private async Task<JsonDocument?> RequestPageAsync(HttpContext context, McpExchange exchange, Uri endpoint, string? cursor, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(Body(exchange.Version, cursor)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(JsonRpcErrorWriter.JsonContentType);
        request.Headers.Accept.ParseAdd(JsonRpcErrorWriter.JsonContentType);
        request.Headers.Accept.ParseAdd(JsonRpcErrorWriter.EventStreamContentType);
        var incoming = context.Request.Headers;
        foreach (var name in (ReadOnlySpan<string>)[McpSessionHeader.Name, McpProtocolVersion.HeaderName, "X-Request-ID"])
        {
            if (incoming[name] is [{ } value]) request.Headers.TryAddWithoutValidation(name, value);
        }

        if (exchange.Route.Config.PassToken && incoming[HeaderNames.Authorization] is [{ } authorization])
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }

        if (McpRevisionRules.RequiresRequestMetadata(exchange.Version.Revision))
        {
            request.Headers.TryAddWithoutValidation(McpHeaderAgreement.MethodHeader, "tools/list");
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return null;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (string.Equals(response.Content.Headers.ContentType?.MediaType, JsonRpcErrorWriter.EventStreamContentType, StringComparison.OrdinalIgnoreCase))
        {
            return await FromEventStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        using var body = await JsonRpcBodyReader.ReadAsync(stream, response.Content.Headers.ContentLength, SseStreamRewriter.DefaultMaxEventBytes, cancellationToken).ConfigureAwait(false);
        return body.Status == JsonRpcBodyStatus.Messages && !body.IsBatch ? ResultOf(body.Messages[0]) : null;
    }

    private static async Task<JsonDocument?> FromEventStreamAsync(Stream stream, CancellationToken cancellationToken)
    {
        JsonDocument? found = null;
        var outcome = await SseStreamRewriter.RewriteAsync(PipeReader.Create(stream), Stream.Null,
            id => found is null && id.RawJson == RequestId,
            (message, _) =>
            {
                found = ResultOf(message);
                return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
            },
            SseStreamRewriter.DefaultMaxEventBytes, cancellationToken).ConfigureAwait(false);
        return outcome == SseRewriteOutcome.Completed ? found : null;
    }

    /// <summary>The result of the gateway's own <c>tools/list</c> answer, copied out of its message; null for anything else.</summary>
    private static JsonDocument? ResultOf(JsonRpcMessage message) =>
        message is { Kind: JsonRpcMessageKind.Response, Result: { } result } && message.Id?.RawJson == RequestId
            ? JsonDocument.Parse(result.GetRawText())
            : null;

    private static byte[] Body(McpProtocolVersion version, string? cursor)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WritePropertyName("id"u8);
            writer.WriteRawValue(RequestId);
            writer.WriteString("method"u8, "tools/list"u8);
            writer.WriteStartObject("params"u8);
            if (cursor is not null) writer.WriteString("cursor"u8, cursor);
            if (McpRevisionRules.RequiresRequestMetadata(version.Revision))
            {
                writer.WriteStartObject("_meta"u8);
                writer.WriteString("io.modelcontextprotocol/protocolVersion"u8, version.Text);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
