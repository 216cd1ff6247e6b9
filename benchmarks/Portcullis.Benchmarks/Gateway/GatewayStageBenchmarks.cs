using System.Net;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Demo;
using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Pipeline;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Portcullis.Benchmarks.Gateway;

/// <summary>The pieces of the decision path, one at a time, for a request mapped with the seeds' <c>authzen</c> block:
/// token validation with the validated-token cache hit, the request facts, the AuthZEN request, its canonical cache key.
/// Run: <c>dotnet run -c Release --project benchmarks/Portcullis.Benchmarks -- --filter *GatewayStage*</c>.</summary>
[MemoryDiagnoser]
public class GatewayStageBenchmarks
{
    /// <summary>The seeds' block (issue 4), with the route and method as expressions as in the mapping tests.</summary>
    private const string SeedBlock = """
        {"pdp":{"host":"http://cerbos:3593","platform":"cerbos"},"subject":{"type":"user","id":"claim::preferred_username",
        "properties":[{"key":"roles","claim":"realm_access.roles"},{"key":"tenant","claim":"organization"}]},
        "resource":{"type":"route","id":"$request.route"},"action":{"name":"$request.method"}}
        """;

    private DevTokenIssuer issuer = null!;
    private HttpClient keysClient = null!;
    private JwtAuthenticator authenticator = null!;
    private string authorization = null!;
    private AuthZenMappingConfig seedMapping = null!;
    private AuthZenMappingConfig defaultMapping = null!;
    private CallerClaims claims = null!;
    private RequestFacts facts = null!;
    private EvaluationRequest request = null!;
    private HttpContext context = null!;
    private GatewayFeature feature = null!;

    [GlobalSetup]
    public void Setup()
    {
        issuer = DevTokenIssuer.StartAsync(new DevTokenIssuerOptions
        {
            Audience = "api://bench",
            Users = new Dictionary<string, JsonObject>
            {
                ["alice"] = new()
                {
                    ["sub"] = "f1d2", ["preferred_username"] = "alice", ["organization"] = "acme",
                    ["realm_access"] = new JsonObject { ["roles"] = new JsonArray("admin", "viewer") },
                    ["amr"] = new JsonArray("hwk", "pwd"), ["acr"] = "phr",
                },
            },
        }).GetAwaiter().GetResult();
        keysClient = new HttpClient();
        authenticator = new JwtAuthenticator(new JwtAuthenticationConfig
        {
            Issuers = [new JwtIssuerConfig { Issuer = issuer.Issuer, JwksUri = issuer.JwksUri, Audiences = ["api://bench"], RequireHttpsMetadata = false }],
        }, keysClient);
        authorization = "Bearer " + issuer.MintToken("alice");
        var caller = TokenCacheHit().AsTask().GetAwaiter().GetResult().Caller
            ?? throw new InvalidOperationException("the benchmark token was refused");

        seedMapping = Parse(SeedBlock);
        defaultMapping = Parse("""{"subject":{"properties":[{"key":"roles","claim":"roles"}]}}""");
        claims = CallerClaimsCache.For(caller);

        context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/todos/42";
        context.Request.Host = new HostString("api.example.com");
        context.Request.QueryString = new QueryString("?page=2");
        context.Request.Headers.Authorization = authorization;
        context.Request.Headers.UserAgent = "wrk/4.2";
        context.Request.Headers.Accept = "application/json";
        context.Request.Headers["X-Request-ID"] = "0af7651916cd43dd8448eb211c80319c";
        context.Request.RouteValues["todoId"] = "42";
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        var route = new RouteConfig { RouteId = "todos", ClusterId = "c", Match = new RouteMatch { Path = "/todos/{todoId}" } };
        context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature { Route = new RouteModel(route, cluster: null, HttpTransformer.Default) });
        feature = new GatewayFeature("0af7651916cd43dd8448eb211c80319c", DateTimeOffset.UtcNow)
        {
            Route = new GatewayRoute(new GatewayRouteConfig { Id = "todos", Path = "/todos/{todoId}", Upstream = new Uri("http://127.0.0.1:5000/"), AuthZen = seedMapping }, Pdp: null),
            Caller = caller,
        };
        facts = RequestFacts();
        request = SeedMapping().Request ?? throw new InvalidOperationException("the seeds' block did not map");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        keysClient.Dispose();
        issuer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Authenticates the same token again: the validated-token cache answers.</summary>
    [Benchmark]
    public ValueTask<AuthenticationResult> TokenCacheHit() => authenticator.AuthenticateAsync(authorization);

    /// <summary>Reads the request facts of a routed request (method, path, template, params, query, headers, ip).</summary>
    [Benchmark]
    public RequestFacts RequestFacts() => GatewayRequestFacts.From(context, feature);

    /// <summary>Builds the AuthZEN request with the seeds' block (claims, <c>$request.route</c>, <c>$request.method</c>, cerbos roles).</summary>
    [Benchmark]
    public MappingResult SeedMapping() => AuthZenRequestBuilder.Build(seedMapping, claims, facts);

    /// <summary>Builds the AuthZEN request with the defaults and one claim property (the load test's block).</summary>
    [Benchmark]
    public MappingResult DefaultMapping() => AuthZenRequestBuilder.Build(defaultMapping, claims, facts);

    /// <summary>Computes the decision-cache key of the seeds' AuthZEN request.</summary>
    [Benchmark]
    public CanonicalRequestKey CanonicalKey() => CanonicalRequestKey.For(request);

    private static AuthZenMappingConfig Parse(string json) =>
        AuthZenMappingParser.ParseJson(json).Config ?? throw new InvalidOperationException("the benchmark mapping does not parse");
}
