using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portcullis.AuthZen;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Pipeline;
using Portcullis.Gateway.Tests.Authentication;
using Portcullis.Gateway.Tests.Pipeline;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>A real gateway on 127.0.0.1 for the hostile-input suite: a real token issuer, a real upstream that records
/// what it received, the embedded PDP behind a recording window, a decision-record sink that keeps every record, and
/// remote PDPs that are down, slow or answer garbage.</summary>
/// <remarks>Routes: <c>/public/{**rest}</c> (anonymous), <c>/admin/{**rest}</c> (only <c>root</c>),
/// <c>/todos/{todoId}</c> (anyone with a valid token), and <c>/pdp-{down,slow,not-json,bad-decision,error}/{id}</c>
/// decided by the misbehaving remote PDPs with a 300 ms timeout.</remarks>
public sealed class HostileGatewayFixture : IAsyncLifetime
{
    public const string Audience = "api://hostile";

    /// <summary>The only subject allowed on <c>/admin/{**rest}</c>.</summary>
    public const string Admin = "root";

    /// <summary>A subject allowed on <c>/todos/{todoId}</c> only.</summary>
    public const string User = "alice";

    private const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: root-on-admin
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["identity"]
              condition:
                match:
                  all:
                    of:
                      - expr: request.principal.id == "root"
                      - expr: request.resource.id == "/admin/{**rest}"
            - name: anyone-on-todos
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["identity"]
              condition:
                match:
                  expr: request.resource.id == "/todos/{todoId}"
        """;

    private readonly TempFolder folder = new();
    private TestIssuerServer issuer = null!;
    private WebApplication gateway = null!;

    internal EchoUpstream Upstream { get; private set; } = null!;

    internal RecordingPdp Pdp { get; private set; } = null!;

    internal CollectingDecisionSink Records { get; } = new();

    internal HostileTokens Tokens { get; private set; } = null!;

    /// <summary>Gets the misbehaving remote PDPs by the route they decide (<c>pdp-slow</c>, ...); <c>pdp-down</c> has none.</summary>
    internal Dictionary<string, ScriptedPdpServer> RemotePdps { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the gateway's address.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        Tokens = new HostileTokens(issuer.Issuer, Audience);
        Upstream = await EchoUpstream.StartAsync();
        var slow = await RemotePdpAsync("pdp-slow", SleepAsync);
        var notJson = await RemotePdpAsync("pdp-not-json", ScriptedPdpServer.Json("<html>it works</html>"));
        var badDecision = await RemotePdpAsync("pdp-bad-decision", ScriptedPdpServer.Json("""{"decision":"yes"}"""));
        var error = await RemotePdpAsync("pdp-error", ScriptedPdpServer.Json("""{"decision":true}""", StatusCodes.Status500InternalServerError));
        folder.Write("policies/route.yaml", Policy);
        var yaml = $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{issuer.Issuer}}
                jwks_uri: {{issuer.JwksUri}}
                audiences: [{{Audience}}]
            routes:
              - id: public
                path: /public/{**rest}
                upstream: {{Upstream.BaseAddress}}
                anonymous: true
              - id: admin
                path: /admin/{**rest}
                upstream: {{Upstream.BaseAddress}}
              - id: todos
                path: /todos/{todoId}
                upstream: {{Upstream.BaseAddress}}
            {{RemoteRoute("pdp-down", new Uri($"http://127.0.0.1:{FreePort.Next()}/"))}}
            {{RemoteRoute("pdp-slow", slow.BaseAddress)}}
            {{RemoteRoute("pdp-not-json", notJson.BaseAddress)}}
            {{RemoteRoute("pdp-bad-decision", badDecision.BaseAddress)}}
            {{RemoteRoute("pdp-error", error.BaseAddress)}}
            """;
        // Registered before AddGateway, so the embedded PDP's own registration (TryAdd) leaves this one in place.
        (gateway, var client) = await GatewayHost.StartAsync(yaml, folder.Root, services =>
        {
            services.AddSingleton<IAuthZenPdp>(sp => Pdp = new RecordingPdp(sp.GetRequiredService<EmbeddedPdp>()));
            services.AddSingleton<IDecisionRecordSink>(Records);
        });
        Address = client.BaseAddress!;
        client.Dispose();
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> byte for byte with a fresh <c>X-Request-ID</c>,
    /// a bearer <paramref name="token"/> when given, <paramref name="headers"/>, and <paramref name="body"/> when given.</summary>
    internal async Task<HostileExchange> SendAsync(string target, string? token = null, string method = "GET", string? body = null, params (string Name, string Value)[] headers)
    {
        var requestId = "hostile-" + Guid.NewGuid().ToString("N");
        var all = new List<(string, string)> { ("X-Request-ID", requestId) };
        if (token is not null) all.Add(("Authorization", "Bearer " + token));
        all.AddRange(headers);
        var response = await RawHttp.SendAsync(Address, method, target, all, body);
        return new HostileExchange(requestId, response);
    }

    /// <summary>Returns what the upstream received for the gateway request <paramref name="requestId"/>.</summary>
    internal IReadOnlyList<ReceivedRequest> ForwardedFor(string requestId) =>
        [.. Upstream.Received.Where(r => r.Headers.TryGetValue("X-Request-ID", out var id) && id == requestId)];

    public async Task DisposeAsync()
    {
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        foreach (var pdp in RemotePdps.Values) await pdp.DisposeAsync();
        await Upstream.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }

    private async Task<ScriptedPdpServer> RemotePdpAsync(string route, Func<HttpContext, Task> handler)
    {
        var server = await ScriptedPdpServer.StartAsync();
        server.Handler = handler;
        RemotePdps[route] = server;
        return server;
    }

    /// <summary>A PDP that allows everything, 1.5 s late: past the routes' 300 ms <c>timeout_ms</c> but inside the
    /// client's default 2 s, so a 503 (rather than an allow) shows that the route's timeout took effect.</summary>
    private static async Task SleepAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await ScriptedPdpServer.Json("""{"decision":true}""")(context);
    }

    private string RemoteRoute(string id, Uri pdp) => $$"""
          - id: {{id}}
            path: /{{id}}/{id}
            upstream: {{Upstream.BaseAddress}}
            authzen:
              pdp:
                host: {{pdp}}
                timeout_ms: 300
        """;
}
