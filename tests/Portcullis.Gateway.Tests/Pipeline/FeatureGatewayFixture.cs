using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Pipeline;
using Portcullis.Gateway.Tests.Authentication;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A real gateway with a real issuer, upstream and remote AuthZEN PDP (over HTTP, counting evaluations), on a
/// fake clock, for the decision cache, fail-open, CORS and identity headers. Policy: any subject whose id starts with
/// <c>alice</c> may do anything; nobody else anything. Routes: <c>/cached/{id}</c> (remote PDP, 60 s cache),
/// <c>/failopen/{id}</c>, <c>/failclosed/{id}</c> and <c>/failopen-mapping/{id}</c> (subject from a claim tokens
/// lack; a PDP that is down), <c>/cors/{id}</c> (GET and POST, CORS for
/// https://app.example with credentials), <c>/plain/{id}</c> (embedded PDP, no CORS).</summary>
public sealed class FeatureGatewayFixture : IAsyncLifetime
{
    public const string Audience = "api://features";
    public const string AllowedOrigin = "https://app.example";
    public const int CacheTtlSeconds = 60;

    private const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: alices
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["identity"]
              condition:
                match:
                  expr: request.principal.id.startsWith("alice")
        """;

    private static readonly JsonWebTokenHandler Signer = new();
    private readonly TempFolder folder = new();
    private readonly ConcurrentDictionary<string, ObservedFeature> observed = new(StringComparer.Ordinal);
    private TestIssuerServer issuer = null!;
    private WebApplication gateway = null!;

    internal EchoUpstream Upstream { get; private set; } = null!;

    internal RemotePdpServer Pdp { get; private set; } = null!;

    internal LogCapture Logs { get; } = new();

    /// <summary>Gets the gateway's clock (starts now; only tests move it).</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        Upstream = await EchoUpstream.StartAsync();
        var policies = Path.GetDirectoryName(folder.Write("policies/route.yaml", Policy))!;
        Pdp = await RemotePdpServer.StartAsync(policies);
        var downPort = FreePort.Next();
        var yaml = $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{issuer.Issuer}}
                jwks_uri: {{issuer.JwksUri}}
                audiences: [{{Audience}}]
            identity_headers:
              strip: ["X-User-*", "X-Tenant-*"]
              inject:
                X-User-Id: claim::sub
                X-User-Roles: claim::roles
                X-Tenant-Id: $token.?tenant
                X-User-Note: claim::note
                X-Auth-Level: claim::acr
            routes:
              - id: cached
                path: /cached/{id}
                upstream: {{Upstream.BaseAddress}}
                decision_cache_ttl_seconds: {{CacheTtlSeconds}}
                authzen:
                  pdp:
                    host: {{Pdp.BaseAddress}}
              - id: failopen
                path: /failopen/{id}
                upstream: {{Upstream.BaseAddress}}
                failure_mode: open
                authzen:
                  pdp:
                    host: http://127.0.0.1:{{downPort}}
              - id: failclosed
                path: /failclosed/{id}
                upstream: {{Upstream.BaseAddress}}
                failure_mode: closed
                authzen:
                  pdp:
                    host: http://127.0.0.1:{{downPort}}
              - id: failopen-mapping
                path: /failopen-mapping/{id}
                upstream: {{Upstream.BaseAddress}}
                failure_mode: open
                authzen:
                  pdp:
                    host: http://127.0.0.1:{{downPort}}
                  subject:
                    id: claim::employee_id
              - id: cors
                path: /cors/{id}
                methods: [GET, POST]
                upstream: {{Upstream.BaseAddress}}
                cors:
                  allowed_origins: [{{AllowedOrigin}}]
                  allow_credentials: true
                  max_age_seconds: 300
              - id: plain
                path: /plain/{id}
                upstream: {{Upstream.BaseAddress}}
            """;
        (gateway, var client) = await GatewayHost.StartAsync(yaml, folder.Root,
            services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                services.AddLogging(logging => logging.AddProvider(Logs));
            },
            app => app.Use(ObserveAsync));
        Client = client;
    }

    /// <summary>Returns what the gateway recorded about the request that got <paramref name="response"/>.</summary>
    internal ObservedFeature Observed(HttpResponseMessage response) =>
        observed[Assert.Single(response.Headers.GetValues("X-Request-ID"))];

    /// <summary>Signs a valid token for <paramref name="subject"/> with extra <paramref name="claims"/>.</summary>
    public string Token(string subject, IDictionary<string, object>? claims = null)
    {
        var all = new Dictionary<string, object>(claims ?? new Dictionary<string, object>()) { ["sub"] = subject };
        var now = Time.GetUtcNow().UtcDateTime; // the gateway's clock, which tests move
        return Signer.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            SigningCredentials = TestKey.Rsa1.Credentials(),
            Claims = all,
        });
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/>, with a bearer token for <paramref name="subject"/> when given.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? subject, Action<HttpRequestMessage>? customize = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (subject is not null) request.Headers.Authorization = new("Bearer", Token(subject));
        customize?.Invoke(request);
        return Client.SendAsync(request);
    }

    internal IEnumerable<ReceivedRequest> ReceivedAt(string path) => Upstream.Received.Where(r => r.Path == path);

    private Task ObserveAsync(HttpContext context, RequestDelegate next)
    {
        // Taken when the response starts, so the snapshot exists before the client can see the response.
        context.Response.OnStarting(() =>
        {
            if (context.Features.Get<IGatewayFeature>() is { } f) observed[f.RequestId] = new ObservedFeature(f.Outcome, f.Reason, f.CacheHit, f.FailOpen, f.Pdp);
            return Task.CompletedTask;
        });
        return next(context);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await Pdp.DisposeAsync();
        await Upstream.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }
}
