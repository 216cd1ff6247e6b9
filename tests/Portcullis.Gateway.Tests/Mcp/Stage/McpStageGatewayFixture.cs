using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Portcullis.AuthZen;
using Portcullis.Gateway.Tests.Pipeline;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>A real gateway on 127.0.0.1 in front of <see cref="ScriptedMcpUpstream"/>, with a real token issuer, the
/// embedded PDP (<see cref="McpStagePolicies"/>) behind an <see cref="AttributingPdp"/>, captured logs, a count of the
/// request-body bytes the gateway read, and remote PDPs that are down, answer garbage, deny with a reason, or count.</summary>
/// <remarks>MCP routes, each its own MCP server (resource) in front of the same scripted upstream:
/// <c>/mcp</c> (the tools of <see cref="McpStageTools.Main"/>), <c>/big/mcp</c> (<see cref="McpStageTools.Hundred"/>),
/// <c>/pdp-down/mcp</c> (a PDP address nobody listens on), <c>/pdp-garbage/mcp</c> (a PDP answering HTML),
/// <c>/pdp-reason/mcp</c> (a PDP denying with a reason in its context) and <c>/pdp-count/mcp</c> (a PDP permitting
/// everything, whose requests are counted; lists <see cref="McpStageTools.Hundred"/>).</remarks>
public sealed class McpStageGatewayFixture : IAsyncLifetime
{
    /// <summary>The main route's path.</summary>
    public const string MainPath = "/mcp";

    /// <summary>The main route's resource identifier (the tokens' default audience).</summary>
    public const string Resource = "https://mcp.example.test/mcp";

    public const string BigPath = "/big/mcp";

    public const string DownPath = "/pdp-down/mcp";


    public const string GarbagePath = "/pdp-garbage/mcp";

    public const string ReasonPath = "/pdp-reason/mcp";

    public const string CountPath = "/pdp-count/mcp";

    /// <summary>The client id every token carries (COAZ-MCP <c>context.agent</c>).</summary>
    public const string Agent = "agent-1";

    /// <summary>The MCP revision sent unless a test says otherwise.</summary>
    public const string DefaultVersion = "2025-06-18";

    private static readonly JsonWebTokenHandler Signer = new();
    private readonly TempFolder folder = new();
    private TestIssuerServer issuer = null!;
    private WebApplication gateway = null!;

    internal ScriptedMcpUpstream Upstream { get; private set; } = null!;

    internal AttributingPdp Pdp { get; private set; } = null!;

    internal LogCapture Logs { get; } = new();

    /// <summary>Gets the remote PDP that answers garbage, the one denying with a reason, and the counting one.</summary>
    internal ScriptedPdpServer GarbagePdp { get; private set; } = null!;

    internal ScriptedPdpServer ReasonPdp { get; private set; } = null!;

    internal ScriptedPdpServer CountingPdp { get; private set; } = null!;

    /// <summary>Gets the request-body bytes the gateway read, by request id.</summary>
    internal ConcurrentDictionary<string, long> BodyBytesRead { get; } = new(StringComparer.Ordinal);

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        Upstream = await ScriptedMcpUpstream.StartAsync();
        Upstream.Tools[MainPath] = McpStageTools.Main;
        Upstream.Tools[BigPath] = McpStageTools.Hundred;
        Upstream.Tools[CountPath] = McpStageTools.Hundred;
        GarbagePdp = await ScriptedPdpServer.StartAsync();
        GarbagePdp.Handler = ScriptedPdpServer.Json("<html>it works</html>");
        ReasonPdp = await ScriptedPdpServer.StartAsync();
        ReasonPdp.Handler = ScriptedPdpServer.Json("""{"decision":false,"context":{"reason_user":{"en":"policy 7 says no"}}}""");
        CountingPdp = await ScriptedPdpServer.StartAsync();
        CountingPdp.Handler = PermitEverythingAsync;
        foreach (var (file, text) in McpStagePolicies.Files) folder.Write(file, text);

        var yaml = $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{issuer.Issuer}}
                jwks_uri: {{issuer.JwksUri}}
                audiences: [{{Resource}}, {{ResourceOf(BigPath)}}, {{ResourceOf(DownPath)}}, {{ResourceOf(GarbagePath)}}, {{ResourceOf(ReasonPath)}}, {{ResourceOf(CountPath)}}]
            routes:
              - id: mcp
                path: {{MainPath}}
                upstream: {{Upstream.BaseAddress}}
                mcp:
                  resource: {{Resource}}
              - id: big
                path: {{BigPath}}
                upstream: {{Upstream.BaseAddress}}
                mcp:
                  resource: {{ResourceOf(BigPath)}}
            {{RemoteRoute("pdp-down", DownPath, new Uri($"http://127.0.0.1:{FreePort.Next()}/"))}}
            {{RemoteRoute("pdp-garbage", GarbagePath, GarbagePdp.BaseAddress)}}
            {{RemoteRoute("pdp-reason", ReasonPath, ReasonPdp.BaseAddress)}}
            {{RemoteRoute("pdp-count", CountPath, CountingPdp.BaseAddress)}}
            """;
        (gateway, var client) = await GatewayHost.StartAsync(yaml, folder.Root,
            services => services.AddSingleton<IAuthZenPdp>(sp => Pdp = new AttributingPdp(sp.GetRequiredService<EmbeddedPdp>())),
            app => app.Use(MeterAsync),
            Logs);
        Client = client;
    }

    /// <summary>Returns the resource identifier of the MCP route at <paramref name="path"/>.</summary>
    public static string ResourceOf(string path) => "https://mcp.example.test" + path;

    /// <summary>Signs a valid token for <paramref name="subject"/> with <see cref="Agent"/> as client id, for
    /// <paramref name="audience"/> (a text or a list; default <see cref="Resource"/>); <paramref name="claims"/> may add
    /// or change claims; <paramref name="key"/> signs it (default: the issuer's own key).</summary>
    public string Token(string subject = "alice", JsonNode? audience = null, Action<JsonObject>? claims = null, TestKey? key = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = issuer.Issuer,
            ["sub"] = subject,
            ["aud"] = audience ?? Resource,
            ["client_id"] = Agent,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        };
        claims?.Invoke(payload);
        return Signer.CreateToken(payload.ToJsonString(), (key ?? TestKey.Rsa1).Credentials());
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> as an MCP client would (both media types
    /// accepted), with <paramref name="version"/> as <c>MCP-Protocol-Version</c> (none when null), the bearer
    /// <paramref name="token"/> (alice's by default), an event-stream answer from the server when <paramref name="sse"/>,
    /// and <paramref name="headers"/>.</summary>
    internal Task<McpReply> PostAsync(string path, string body, string? token = null, string? version = DefaultVersion, bool sse = false, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, path, new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            token ?? Token(), version, sse, headers);

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> without a body (GET, DELETE).</summary>
    internal Task<McpReply> SendAsync(HttpMethod method, string path, string token, string? version = DefaultVersion) =>
        SendAsync(method, path, null, token, version, sse: false, []);

    /// <summary>Lists the tools of <paramref name="path"/> as alice, so the gateway has seen the server's declared mappings.</summary>
    internal async Task<McpReply> ListToolsAsync(string path = MainPath, string? token = null, bool sse = false)
    {
        var reply = await PostAsync(path, """{"jsonrpc":"2.0","id":"list","method":"tools/list"}""", token, sse: sse);
        Assert.Equal(200, (int)reply.Status);
        return reply;
    }

    /// <summary>Returns the JSON-RPC body of a <c>tools/call</c> of <paramref name="tool"/> with <paramref name="arguments"/> (JSON) and <paramref name="idJson"/>.</summary>
    public static string ToolsCall(string tool, string arguments = "{}", string idJson = "1") =>
        $$"""{"jsonrpc":"2.0","id":{{idJson}},"method":"tools/call","params":{"name":{{JsonSerializer.Serialize(tool)}},"arguments":""" + arguments + "}}";

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await GarbagePdp.DisposeAsync();
        await ReasonPdp.DisposeAsync();
        await CountingPdp.DisposeAsync();
        await Upstream.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }

    private async Task<McpReply> SendAsync(HttpMethod method, string path, HttpContent? content, string token, string? version, bool sse, (string Name, string Value)[] headers)
    {
        var requestId = "mcp-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Request-ID", requestId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (version is not null) request.Headers.Add("MCP-Protocol-Version", version);
        if (sse) request.Headers.Add(ScriptedMcpUpstream.SseHeader, "1");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Client.SendAsync(request);
        return await McpReply.ReadAsync(requestId, response);
    }

    /// <summary>Placed before the gateway: attributes PDP calls to the request and counts the body bytes it reads.</summary>
    private async Task MeterAsync(HttpContext context, RequestDelegate next)
    {
        var requestId = context.Request.Headers["X-Request-ID"].ToString();
        AttributingPdp.CurrentRequestId = requestId;
        BodyBytesRead.TryAdd(requestId, 0);
        context.Request.Body = new CountingReadStream(context.Request.Body, read => BodyBytesRead.AddOrUpdate(requestId, read, (_, total) => total + read));
        await next(context);
    }

    private string RemoteRoute(string id, string path, Uri pdp) => $$"""
          - id: {{id}}
            path: {{path}}
            upstream: {{Upstream.BaseAddress}}
            authzen:
              pdp:
                host: {{pdp}}
                timeout_ms: 2000
            mcp:
              resource: {{ResourceOf(path)}}
        """;

    /// <summary>A PDP that permits every evaluation (one decision per item of an evaluations request).</summary>
    private static async Task PermitEverythingAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        context.Response.ContentType = "application/json";
        if (request.RootElement.TryGetProperty("evaluations", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            var count = Math.Max(1, items.GetArrayLength());
            await context.Response.WriteAsync("{\"evaluations\":[" + string.Join(",", Enumerable.Repeat("""{"decision":true}""", count)) + "]}");
            return;
        }
        await context.Response.WriteAsync("""{"decision":true}""");
    }
}
