using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Portcullis.Gateway.Mcp.Discovery;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>The MCP stage (only routes with <c>mcp:</c> reach it, in place of the REST decision stage): checks the Streamable HTTP request,
/// authorizes every JSON-RPC message with COAZ-MCP, answers refused requests with JSON-RPC errors carrying their ids,
/// and forwards only what was allowed. List responses are filtered afterwards by <see cref="McpResponseFilter"/>.</summary>
/// <remarks>
/// <para>Order, each step refusing before the next: the <c>MCP-Protocol-Version</c> header (a revision the gateway
/// does not know is refused: it cannot check rules it does not know); the HTTP method the revision allows (405 with
/// <c>Allow</c>); the body, size-limited before parsing (-32700 / -32600, 413 when too large); the 2026-07-28 headers
/// against the body (-32020, HTTP 400); batches only where the revision has them; then each message.</para>
/// <para>GET (the server's event stream) and DELETE (end of a session) carry no JSON-RPC message: they are authorized
/// with the <c>initialize</c> mapping, i.e. as "may this caller use this MCP server", and refused with HTTP 403.</para>
/// <para>Denials are JSON-RPC errors with HTTP 200 (SDK clients treat an HTTP 403 as a broken transport): -32001 denied,
/// -32602 mapping error, -32603 PDP unavailable, always with the request's id. A batch is decided message by message:
/// the allowed messages are forwarded as a smaller batch and the gateway's errors are added to the server's answer.</para>
/// </remarks>
internal sealed class McpMiddleware(RequestDelegate next, McpMessageDecider decider, McpSessionBinding sessions, ILogger<McpMiddleware> logger)
{
    private const string InitializeMethod = "initialize";
    /// <summary>The revision a request without <c>MCP-Protocol-Version</c> follows (MCP 2025-06-18 transports: "assume 2025-03-26").</summary>
    private const string AssumedVersion = "2025-03-26";
    private const string SupportedVersions = "2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28";

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = GatewayFeature.Of(context);
        var route = feature.Route!.Mcp!;

        var request = context.Request;
        var version = McpProtocolVersion.Parse(request.Headers[McpProtocolVersion.HeaderName]);
        if (!version.IsUsable)
        {
            await RefuseAsync(context, feature, StatusCodes.Status400BadRequest, "unsupported_protocol_version",
                new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, $"Bad Request: unsupported MCP-Protocol-Version (supported: {SupportedVersions})", JsonRpcId.Null)).ConfigureAwait(false);
            return;
        }

        if (!McpRevisionRules.IsHttpMethodAllowed(request.Method, version.Revision))
        {
            context.Response.Headers.Allow = McpRevisionRules.AllowHeader(version.Revision);
            await RefuseAsync(context, feature, StatusCodes.Status405MethodNotAllowed, "method_not_allowed",
                new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Method Not Allowed", JsonRpcId.Null)).ConfigureAwait(false);
            return;
        }

        feature.Pdp = feature.Route.PdpName;
        var exchange = new McpExchange(route, route.CallerFor(feature.Caller!), version);
        feature.Mcp = exchange;
        if (!await SessionIsTheCallersAsync(context, feature, exchange).ConfigureAwait(false))
        {
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            await AuthorizeSessionRequestAsync(context, feature, exchange).ConfigureAwait(false);
            return;
        }

        using var body = await JsonRpcBodyReader.ReadAsync(request.Body, request.ContentLength, route.Config.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.Status != JsonRpcBodyStatus.Messages)
        {
            var tooLarge = body.Status == JsonRpcBodyStatus.TooLarge;
            McpLog.BodyRefused(logger, feature.RequestId, body.Status.ToString());
            await RefuseAsync(context, feature, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                tooLarge ? "body_too_large" : "invalid_jsonrpc", body.Error!).ConfigureAwait(false);
            return;
        }

        if (McpHeaderAgreement.Check(request.Headers, body, version) is { } mismatch)
        {
            McpLog.HeaderMismatch(logger, feature.RequestId, mismatch.Header);
            await RefuseAsync(context, feature, McpHeaderMismatch.HttpStatus, "header_mismatch", mismatch.Error).ConfigureAwait(false);
            return;
        }

        if (body.IsBatch && !McpRevisionRules.AllowsBatches(version.Revision))
        {
            McpLog.BodyRefused(logger, feature.RequestId, "BatchNotAllowed");
            await RefuseAsync(context, feature, StatusCodes.Status400BadRequest, "invalid_jsonrpc",
                new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, $"Invalid Request: JSON-RPC batches are not part of MCP {version.Text}", JsonRpcId.Null)).ConfigureAwait(false);
            return;
        }

        if (body.IsBatch && RepeatsARequestId(body))
        {
            McpLog.BodyRefused(logger, feature.RequestId, "RepeatedId");
            await RefuseAsync(context, feature, StatusCodes.Status400BadRequest, "invalid_jsonrpc",
                new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: a batch repeats a request id", JsonRpcId.Null)).ConfigureAwait(false);
            return;
        }

        exchange.IsBatch = body.IsBatch;
        var verdicts = new McpVerdict[body.Messages.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            var message = body.Messages[i];
            verdicts[i] = await decider.DecideAsync(context, feature, exchange, message).ConfigureAwait(false);
            exchange.Messages.Add(McpRecords.Of(message, verdicts[i], route.Config.LogArguments));
        }

        McpOutcome.Apply(feature, verdicts);
        var answers = Answers(body, verdicts);
        var forwarded = verdicts.Count(static v => v.Forwards);
        if (forwarded == 0)
        {
            await AnswerAllAsync(context, body, verdicts, answers).ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < verdicts.Length; i++)
        {
            var message = body.Messages[i];
            if (verdicts[i].Forwards && message.Kind == JsonRpcMessageKind.Request && DiscoveryList.TryFromMethod(message.Method, out var list))
            {
                exchange.ListTargets[message.Id!] = new McpListTarget(list, FirstPage: message.GetStringParam("cursor") is null, exchange.Messages[i]);
            }
        }

        var forward = body.Bytes;
        if (forwarded < verdicts.Length)
        {
            forward = ForwardedBatch(body, verdicts);
            exchange.GatewayResponses.AddRange(answers);
        }

        if (exchange.NeedsResponseWork)
        {
            // The response is read and rewritten: it must come back as plain JSON or events, not compressed.
            request.Headers.Remove(HeaderNames.AcceptEncoding);
        }

        request.Body = AsStream(forward);
        request.ContentLength = forward.Length;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Refuses a session id that is malformed (400) or was created for another caller (404, as for a session
    /// the server does not know, so the id's existence is not confirmed); true when the request may go on.</summary>
    private async Task<bool> SessionIsTheCallersAsync(HttpContext context, GatewayFeature feature, McpExchange exchange)
    {
        var values = context.Request.Headers[McpSessionHeader.Name];
        if (values.Count == 0) return true;
        if (values.Count > 1 || string.IsNullOrEmpty(values[0]) || values[0]!.AsSpan().ContainsAnyExceptInRange((char)0x21, (char)0x7E))
        {
            await RefuseAsync(context, feature, StatusCodes.Status400BadRequest, "invalid_session_id",
                new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Bad Request: Mcp-Session-Id must be one value of visible ASCII", JsonRpcId.Null)).ConfigureAwait(false);
            return false;
        }

        var caller = McpSessionBinding.CallerKey(exchange.Caller.SubjectId, exchange.Caller.Agent);
        if (sessions.Check(feature.Route!.Config.Id, values[0]!, caller) != McpSessionBinding.Ownership.Other) return true;
        McpLog.SessionOfAnotherCaller(logger, feature.RequestId, feature.Route.Config.Id);
        await RefuseAsync(context, feature, StatusCodes.Status404NotFound, "session_not_owned",
            new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Session not found", JsonRpcId.Null)).ConfigureAwait(false);
        return false;
    }

    /// <summary>GET and DELETE: authorized like <c>initialize</c>.</summary>
    /// <remarks>They carry no params, but the <c>initialize</c> mapping reads <c>params.protocolVersion</c> (COAZ-MCP's
    /// <c>context.protocol_version</c>): mapped without params every GET stream and session end would be a mapping
    /// error. They get the revision the request follows, the one the session negotiated.</remarks>
    private async Task AuthorizeSessionRequestAsync(HttpContext context, GatewayFeature feature, McpExchange exchange)
    {
        // The initialize mapping reads params.protocolVersion, which a GET or DELETE has no body to carry: the revision
        // the client negotiated (its MCP-Protocol-Version header) stands in for it.
        using var parameters = JsonDocument.Parse("{\"protocolVersion\":" +
            JsonSerializer.Serialize(exchange.Version.Text ?? AssumedVersion, JsonRpcJsonContext.Default.String) + "}");
        var mapping = exchange.Route.Mapper.Map(InitializeMethod, parameters.RootElement, exchange.Caller);
        var verdict = await decider.DecideMappingAsync(context, feature, exchange, InitializeMethod, mapping).ConfigureAwait(false);
        exchange.Messages.Add(new McpMessageRecord { Kind = "session", Method = InitializeMethod, Decision = McpRecords.DecisionName(verdict.Kind) });
        McpOutcome.Apply(feature, [verdict]);
        if (verdict.Forwards)
        {
            // The server's own stream: list_changed arrives here, and makes the learned declared mappings stale.
            exchange.WatchesNotifications = HttpMethods.IsGet(context.Request.Method);
            await next(context).ConfigureAwait(false);
            if (HttpMethods.IsDelete(context.Request.Method) && context.Response.StatusCode is >= 200 and < 300 &&
                context.Request.Headers[McpSessionHeader.Name] is [{ } ended])
            {
                sessions.Forget(feature.Route!.Config.Id, ended);
            }

            return;
        }

        var status = verdict.Kind == McpVerdictKind.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status403Forbidden;
        await JsonRpcErrorWriter.WriteJsonAsync(context.Response, status, McpRecords.Error(verdict, JsonRpcId.Null), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Whether two requests of a batch share an id: their answers could not be told apart (and one might be
    /// allowed, the other denied).</summary>
    private static bool RepeatsARequestId(JsonRpcBody body)
    {
        var seen = new HashSet<JsonRpcId>();
        foreach (var message in body.Messages)
        {
            if (message.Kind == JsonRpcMessageKind.Request && !seen.Add(message.Id!)) return true;
        }

        return false;
    }

    /// <summary>The error response of every refused request (and invalid message with an id), in body order.</summary>
    private static List<byte[]> Answers(JsonRpcBody body, McpVerdict[] verdicts)
    {
        var answers = new List<byte[]>();
        for (var i = 0; i < verdicts.Length; i++)
        {
            var message = body.Messages[i];
            if (verdicts[i].Forwards) continue;
            if (message.Kind == JsonRpcMessageKind.Request || (message.Kind == JsonRpcMessageKind.Invalid && message.Error is not null))
            {
                answers.Add(JsonRpcErrorWriter.ToJson(McpRecords.Error(verdicts[i], message.Id ?? JsonRpcId.Null)));
            }
        }

        return answers;
    }

    /// <summary>Nothing is forwarded: the gateway answers every request itself.</summary>
    private static Task AnswerAllAsync(HttpContext context, JsonRpcBody body, McpVerdict[] verdicts, List<byte[]> answers)
    {
        var response = context.Response;
        if (answers.Count == 0)
        {
            // Only notifications or client responses, refused: no id to answer, so an HTTP error (MCP: "MUST return an
            // HTTP error status code"), with a JSON-RPC error whose id is null.
            var first = verdicts.First(static v => !v.Forwards);
            return JsonRpcErrorWriter.WriteJsonAsync(response, StatusOf(first), McpRecords.Error(first, JsonRpcId.Null), context.RequestAborted);
        }

        var single = !body.IsBatch;
        var payload = single ? answers[0] : JsonRpcErrorWriter.ToJsonArray(answers.Select(static a => (ReadOnlyMemory<byte>)a));
        response.StatusCode = single && verdicts[0].Kind == McpVerdictKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        response.ContentType = JsonRpcErrorWriter.JsonContentType;
        response.ContentLength = payload.Length;
        return response.Body.WriteAsync(payload, context.RequestAborted).AsTask();
    }

    private static int StatusOf(McpVerdict verdict) => verdict.Kind switch
    {
        McpVerdictKind.Invalid => StatusCodes.Status400BadRequest,
        McpVerdictKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status403Forbidden,
    };

    /// <summary>The allowed messages of a partly refused batch, as a batch.</summary>
    private static ReadOnlyMemory<byte> ForwardedBatch(JsonRpcBody body, McpVerdict[] verdicts)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < verdicts.Length; i++)
        {
            if (verdicts[i].Forwards) parts.Add(JsonMarshal.GetRawUtf8Value(body.Messages[i].Element).ToArray());
        }

        return JsonRpcErrorWriter.ToJsonArray(parts);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static Task RefuseAsync(HttpContext context, GatewayFeature feature, int status, string reason, JsonRpcError error)
    {
        feature.Outcome = GatewayOutcome.Denied;
        feature.Reason = reason;
        return JsonRpcErrorWriter.WriteJsonAsync(context.Response, status, error, context.RequestAborted);
    }
}
