using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Mcp.Discovery;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;
using Portcullis.Gateway.Pipeline;
using Yarp.ReverseProxy.Transforms;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>The response half of the MCP stage, a YARP response transform: filters the list responses of the caller's
/// forwarded list requests (one AuthZEN Access Evaluations call per list), learns the tools' declared mappings from the
/// unfiltered <c>tools/list</c> results (and forgets them on <c>notifications/tools/list_changed</c> in the event streams
/// it reads, the GET stream always), and adds the gateway's own errors for the refused messages of a batch.</summary>
/// <remarks>
/// <para>Does nothing (the body streams through YARP untouched) unless the request has list responses to filter or
/// answers to add, or it is the GET stream. Then JSON answers are read whole (bounded) and rewritten; event streams are
/// rewritten event by event (<see cref="SseStreamRewriter"/>), so a long stream stays a stream, their headers sent at
/// once (the GET stream may stay silent for long, and YARP would hold them until the first event). Fails closed: a list that cannot be filtered is
/// a -32603 error for that request, an event that cannot be inspected ends the response, and a response in another
/// media type to a list request becomes -32603 errors.</para>
/// <para>An HTTP error from the server is passed on as it is; answers for refused batch messages are then lost (the
/// client sees the server's error for the batch).</para>
/// </remarks>
internal sealed class McpResponseFilter(McpDeclaredMappings declared, McpSessionBinding sessions, ILogger<McpResponseFilter> logger)
{
    private const int MaxJsonBytes = SseStreamRewriter.DefaultMaxEventBytes;
    private const string ToolsListChanged = "notifications/tools/list_changed";

    /// <summary>Runs after YARP copied the upstream's status and headers.</summary>
    public async ValueTask ApplyAsync(ResponseTransformContext transform)
    {
        var context = transform.HttpContext;
        if (context.Features.Get<GatewayFeature>() is not { Mcp: { } exchange } feature || transform.ProxyResponse is not { } upstream)
        {
            return;
        }

        if (upstream.Headers.TryGetValues(McpSessionHeader.Name, out var created) && created.FirstOrDefault() is { Length: > 0 } sessionId &&
            !context.Request.Headers.ContainsKey(McpSessionHeader.Name))
        {
            // A new session, created for this caller.
            sessions.Bind(feature.Route!.Config.Id, sessionId, McpSessionBinding.CallerKey(exchange.Caller.SubjectId, exchange.Caller.Agent));
        }

        if (!exchange.NeedsResponseWork)
        {
            return;
        }

        var response = context.Response;
        var cancellationToken = transform.CancellationToken;

        if ((int)upstream.StatusCode == StatusCodes.Status202Accepted && exchange.ListTargets.Count == 0)
        {
            // Only notifications or responses were forwarded; the refused requests still get their answers.
            transform.SuppressResponseBody = true;
            await WriteJsonAsync(response, Combine(null, exchange), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!upstream.IsSuccessStatusCode)
        {
            return;
        }

        transform.SuppressResponseBody = true;
        var mediaType = upstream.Content.Headers.ContentType?.MediaType;
        var source = await upstream.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (IsEventStream(upstream))
        {
            await FilterStreamAsync(context, feature, exchange, source, cancellationToken).ConfigureAwait(false);
        }
        else if (string.Equals(mediaType, JsonRpcErrorWriter.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            await FilterJsonAsync(context, feature, exchange, source, upstream.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            McpLog.UnfilterableResponse(logger, feature.RequestId, mediaType ?? "no content type");
            response.StatusCode = StatusCodes.Status200OK;
            await WriteJsonAsync(response, Combine(FailTargets(exchange), exchange), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsEventStream(HttpResponseMessage upstream) =>
        string.Equals(upstream.Content.Headers.ContentType?.MediaType, JsonRpcErrorWriter.EventStreamContentType, StringComparison.OrdinalIgnoreCase);

    private async Task FilterStreamAsync(HttpContext context, GatewayFeature feature, McpExchange exchange, Stream source, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentLength = null;
        foreach (var answer in exchange.GatewayResponses)
        {
            var sse = new ArrayBufferWriter<byte>(answer.Length + 32);
            SseEventWriter.Write(sse, SseEventWriter.MessageEventType, answer);
            await response.Body.WriteAsync(sse.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }

        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await SseStreamRewriter.RewriteAsync(PipeReader.Create(source), response.Body,
            id => exchange.ListTargets.ContainsKey(id),
            (message, token) => FilterOneAsync(feature, exchange, message, token),
            SseStreamRewriter.DefaultMaxEventBytes, cancellationToken,
            method => { if (method == ToolsListChanged) declared.Store.Clear(exchange.Route.UpstreamId); }).ConfigureAwait(false);
        if (outcome != SseRewriteOutcome.Completed)
        {
            McpLog.StreamAborted(logger, feature.RequestId, outcome.ToString());
            context.Abort();
        }
    }

    private async Task FilterJsonAsync(HttpContext context, GatewayFeature feature, McpExchange exchange, Stream source, long? contentLength, CancellationToken cancellationToken)
    {
        var response = context.Response;
        // The same bounded reader and parser as client bodies: valid UTF-8, depth, no repeated member names.
        using var body = await JsonRpcBodyReader.ReadAsync(source, contentLength, MaxJsonBytes, cancellationToken).ConfigureAwait(false);
        if (body.Status != JsonRpcBodyStatus.Messages)
        {
            McpLog.FilterFailed(logger, feature.RequestId, "list", "the server's JSON answer could not be read safely", null);
            await WriteJsonAsync(response, Combine(FailTargets(exchange), exchange), cancellationToken).ConfigureAwait(false);
            return;
        }

        var parts = new List<ReadOnlyMemory<byte>>(body.Messages.Count);
        foreach (var message in body.Messages) parts.Add(await RewriteAsync(feature, exchange, message, cancellationToken).ConfigureAwait(false));
        var single = !body.IsBatch && exchange.GatewayResponses.Count == 0;
        await WriteJsonAsync(response, single ? parts[0] : Combine(parts, exchange), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ReadOnlyMemory<byte>> RewriteAsync(GatewayFeature feature, McpExchange exchange, JsonRpcMessage message, CancellationToken cancellationToken)
    {
        if (message is { Kind: JsonRpcMessageKind.Response, Id: { } id } && exchange.ListTargets.ContainsKey(id) &&
            await FilterOneAsync(feature, exchange, message, cancellationToken).ConfigureAwait(false) is { } replaced)
        {
            return replaced;
        }

        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(message.Element).ToArray();
    }

    /// <summary>Filters one list response for the caller; null keeps it (an error response passes as it is).</summary>
    private async ValueTask<ReadOnlyMemory<byte>?> FilterOneAsync(GatewayFeature feature, McpExchange exchange, JsonRpcMessage message, CancellationToken cancellationToken)
    {
        if (message.Result is not { } result || !exchange.ListTargets.TryGetValue(message.Id!, out var target))
        {
            return null;
        }

        var route = exchange.Route;
        if (target.List.Kind == DiscoveryListKind.Tools)
        {
            // Declared mappings are learned from the unfiltered list: what the server offers, not what this caller sees.
            declared.Store.Observe(route.UpstreamId, result, target.FirstPage);
        }

        if (exchange.Caller.SubjectId is not { } subject)
        {
            return JsonRpcErrorWriter.ToJson(new JsonRpcError(JsonRpcErrorCodes.InvalidParams, "COAZ mapping error: the token has no subject-identity claim", message.Id!));
        }

        var started = Stopwatch.GetTimestamp();
        var filtered = await route.Lists.FilterAsync(target.List, result, new DiscoveryCaller(subject, exchange.Caller.Agent) { SubjectProperties = exchange.SubjectProperties }, exchange.Version.Text, cancellationToken).ConfigureAwait(false);
        feature.PdpTime += Stopwatch.GetElapsedTime(started);
        if (!filtered.Succeeded)
        {
            McpLog.FilterFailed(logger, feature.RequestId, target.List.Method, filtered.Problem ?? "unknown", filtered.PdpException);
            target.Record.Kept = 0;
            return JsonRpcErrorWriter.ToJson(new JsonRpcError(ListFilterResult.InternalErrorCode, McpMessageDecider.UnavailableMessage, message.Id!));
        }

        target.Record.Kept = filtered.Kept;
        target.Record.Removed = filtered.Removed;
        var output = new ArrayBufferWriter<byte>(filtered.FilteredResult!.Length + 64);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WritePropertyName("id"u8);
            message.Id!.WriteTo(writer);
            writer.WritePropertyName("result"u8);
            writer.WriteRawValue(filtered.FilteredResult, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return output.WrittenMemory;
    }

    /// <summary>-32603 for every list request: its response could not be filtered.</summary>
    private static List<ReadOnlyMemory<byte>> FailTargets(McpExchange exchange) =>
        [.. exchange.ListTargets.Keys.Select(static id => (ReadOnlyMemory<byte>)JsonRpcErrorWriter.ToJson(
            new JsonRpcError(ListFilterResult.InternalErrorCode, McpMessageDecider.UnavailableMessage, id)))];

    /// <summary>The server's responses (or none) and the gateway's answers: one object when there is exactly one and the
    /// request was not a batch, else an array.</summary>
    private static ReadOnlyMemory<byte> Combine(List<ReadOnlyMemory<byte>>? parts, McpExchange exchange)
    {
        var all = new List<ReadOnlyMemory<byte>>(parts ?? []);
        all.AddRange(exchange.GatewayResponses.Select(static a => (ReadOnlyMemory<byte>)a));
        return all.Count == 1 && !exchange.IsBatch ? all[0] : JsonRpcErrorWriter.ToJsonArray(all);
    }

    private static async Task WriteJsonAsync(HttpResponse response, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonRpcErrorWriter.JsonContentType;
        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
    }
}
