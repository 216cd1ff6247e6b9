using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>A small scripted MCP server on 127.0.0.1 for the MCP stage's gateway tests: records every request it
/// receives (method, path, headers, body) and answers JSON-RPC as an MCP server would. <c>initialize</c>, <c>ping</c>,
/// <c>tools/list</c> (the tools set for the request's path in <see cref="Tools"/>) and <c>tools/call</c> (a text
/// result naming the tool) get results; any other request gets a result naming its method, so a test sees that the
/// server ran it. A batch gets the responses of its requests; a body of only notifications or responses gets 202.</summary>
/// <remarks>The answer is <c>application/json</c>, or <c>text/event-stream</c> (one <c>message</c> event per response)
/// when the request carries <see cref="SseHeader"/>. GET opens a short event stream (one comment, then the end) and
/// DELETE answers 200, so a test sees whether the gateway let them through.</remarks>
internal sealed class ScriptedMcpUpstream : IAsyncDisposable
{
    /// <summary>The request header (passed on by the gateway) asking for an event-stream answer.</summary>
    public const string SseHeader = "X-Test-Answer-As-Sse";

    private readonly WebApplication app;

    private ScriptedMcpUpstream(WebApplication app) => this.app = app;

    /// <summary>Gets the server's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets every request received, in order.</summary>
    public ConcurrentQueue<McpUpstreamRequest> Received { get; } = new();

    /// <summary>Gets the <c>tools</c> array (JSON) that <c>tools/list</c> answers, by request path; a path not set lists none.</summary>
    public ConcurrentDictionary<string, string> Tools { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<ScriptedMcpUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new ScriptedMcpUpstream(app);
        app.Run(upstream.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return upstream;
    }

    /// <summary>Returns what the server received with the gateway request id <paramref name="requestId"/>.</summary>
    public IReadOnlyList<McpUpstreamRequest> ReceivedWith(string requestId) =>
        [.. Received.Where(r => r.RequestId == requestId && !IsGatewaysOwnToolsList(r))];

    /// <summary>Returns the <c>tools/list</c> requests the gateway sent on its own while handling
    /// <paramref name="requestId"/> (to learn declared mappings before deciding a <c>tools/call</c>).</summary>
    public IReadOnlyList<McpUpstreamRequest> GatewayToolsListsWith(string requestId) =>
        [.. Received.Where(r => r.RequestId == requestId && IsGatewaysOwnToolsList(r))];

    private static bool IsGatewaysOwnToolsList(McpUpstreamRequest request) =>
        request.Body.Contains("\"id\":\"portcullis-tools-list\"", StringComparison.Ordinal);

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new McpUpstreamRequest(request.Method, request.Path.Value ?? "", headers, body));

        if (HttpMethods.IsGet(request.Method))
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(": stream open\n\n", context.RequestAborted);
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var answers = new List<JsonNode>();
        var parsed = JsonNode.Parse(body);
        foreach (var message in parsed is JsonArray batch ? [.. batch] : new[] { parsed })
        {
            if (message is JsonObject call && call["method"] is JsonValue && call.ContainsKey("id"))
            {
                answers.Add(Answer(request.Path.Value ?? "", call));
            }
        }

        if (answers.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (request.Headers.ContainsKey(SseHeader))
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var answer in answers)
            {
                await context.Response.WriteAsync("event: message\ndata: " + answer.ToJsonString() + "\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
            return;
        }

        context.Response.ContentType = "application/json";
        var payload = parsed is JsonArray ? new JsonArray([.. answers]).ToJsonString() : answers[0].ToJsonString();
        await context.Response.WriteAsync(payload, context.RequestAborted);
    }

    private JsonObject Answer(string path, JsonObject call)
    {
        var method = call["method"]!.GetValue<string>();
        JsonNode result = method switch
        {
            "initialize" => new JsonObject
            {
                ["protocolVersion"] = call["params"]?["protocolVersion"]?.DeepClone() ?? "2025-06-18",
                ["capabilities"] = new JsonObject { ["tools"] = new JsonObject { ["listChanged"] = true } },
                ["serverInfo"] = new JsonObject { ["name"] = "scripted", ["version"] = "1.0.0" },
            },
            "ping" => new JsonObject(),
            "tools/list" => new JsonObject { ["tools"] = JsonNode.Parse(Tools.GetValueOrDefault(path, "[]")) },
            "tools/call" => new JsonObject
            {
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "called " + call["params"]?["name"]?.ToJsonString() }),
            },
            _ => new JsonObject { ["ran"] = method },
        };
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]?.DeepClone(), ["result"] = result };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
