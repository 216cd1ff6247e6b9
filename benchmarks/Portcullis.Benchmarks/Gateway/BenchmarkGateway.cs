using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Demo;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Pipeline;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Portcullis.Benchmarks.Gateway;

/// <summary>The gateway as <c>portcullis serve</c> composes it (AddGateway + MapGateway, the same log filters), on an
/// in-memory server (<see cref="TestServer"/>) and an in-memory upstream, with a real token issuer on loopback for the
/// keys. Decision records are serialized as the default stdout output does, into <see cref="Stream.Null"/>. Also builds
/// bare YARP the same way, the baseline.</summary>
internal sealed class BenchmarkGateway : IAsyncDisposable
{
    /// <summary>The user the token is minted for; the policy lets its role <c>user</c> GET every route.</summary>
    public const string User = "bench-user";

    private const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: users-read
              actions: ["GET", "HEAD"]
              effect: EFFECT_ALLOW
              roles: ["user"]
        """;

    private readonly string folder;
    private readonly DevTokenIssuer issuer;
    private readonly WebApplication app;

    private BenchmarkGateway(string folder, DevTokenIssuer issuer, WebApplication app, string token)
    {
        this.folder = folder;
        this.issuer = issuer;
        this.app = app;
        Authorization = "Bearer " + token;
        Server = app.GetTestServer();
    }

    /// <summary>Gets the in-memory server.</summary>
    public TestServer Server { get; }

    /// <summary>Gets the <c>Authorization</c> header value with a valid token.</summary>
    public string Authorization { get; }

    /// <summary>Starts the issuer and the gateway with three routes: <c>/anon/...</c> (anonymous), <c>/api/...</c> (JWT
    /// + embedded PDP, decisions cached 60 s) and <c>/nocache/...</c> (JWT + embedded PDP, every request decided).</summary>
    public static async Task<BenchmarkGateway> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("portcullis-bench-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        await File.WriteAllTextAsync(Path.Combine(folder, "policies", "route.yaml"), Policy).ConfigureAwait(false);
        var issuer = await DevTokenIssuer.StartAsync(new DevTokenIssuerOptions
        {
            Audience = "api://bench",
            Users = new Dictionary<string, JsonObject> { [User] = new() { ["sub"] = User, ["roles"] = new JsonArray("user") } },
        }).ConfigureAwait(false);
        var yaml = $"""
            pdp:
              policies: policies
            decision_records:
              output: none
            issuers:
              - issuer: {issuer.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [api://bench]
            routes:
              - id: anon
                path: /anon/{"{**rest}"}
                upstream: http://upstream.invalid/
                anonymous: true
              - id: api
                path: /api/{"{**rest}"}
                upstream: http://upstream.invalid/
                decision_cache_ttl_seconds: 60
                authzen:
                  subject:
                    properties:
                      roles: claim::roles
              - id: nocache
                path: /nocache/{"{**rest}"}
                upstream: http://upstream.invalid/
                authzen:
                  subject:
                    properties:
                      roles: claim::roles
            """;
        var loaded = GatewayConfigLoader.LoadYaml(yaml, folder);
        if (loaded.Config is null) throw new InvalidOperationException(string.Join("; ", loaded.Problems));

        var builder = Builder();
        builder.Services.AddGateway(loaded.Config);
        // The default output (stdout) serializes each record on the request thread and writes it in the background.
        builder.Services.AddSingleton<IDecisionRecordSink>(sp => new JsonLinesDecisionRecordSink(Stream.Null, sp.GetRequiredService<GatewayMetrics>()));
        builder.Services.AddSingleton<IForwarderHttpClientFactory, InMemoryUpstream>();
        var app = builder.Build();
        app.MapGateway();
        await app.StartAsync().ConfigureAwait(false);
        return new BenchmarkGateway(folder, issuer, app, issuer.MintToken(User));
    }

    /// <summary>Starts bare YARP (one catch-all route, as benchmarks/BareYarp) on the same in-memory server and upstream.</summary>
    public static async Task<WebApplication> StartBareYarpAsync()
    {
        var builder = Builder();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "/{**catch-all}" } }],
            [new ClusterConfig
            {
                ClusterId = "upstream",
                Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal) { ["upstream"] = new() { Address = "http://upstream.invalid/" } },
            }]);
        builder.Services.AddSingleton<IForwarderHttpClientFactory, InMemoryUpstream>();
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    /// <summary>Sends GET <paramref name="path"/> (with the token when <paramref name="authorization"/> is set) and
    /// returns the status.</summary>
    public static async Task<int> GetAsync(TestServer server, string path, string? authorization)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            if (authorization is not null) c.Request.Headers.Authorization = authorization;
        }).ConfigureAwait(false);
        return context.Response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync().ConfigureAwait(false);
        await issuer.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);
    }

    private static WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        // As `portcullis serve` (WebHostSetup): no per-request framework logs.
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        return builder;
    }
}
