using Portcullis.FunctionalTests.Cerbos;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The seeds' PBAC configuration, unchanged, against the real Cerbos on <c>samples/seeds-pbac/policies</c>:
/// a token issuer (JWKS on loopback), a recording upstream, and two <c>portcullis serve</c> processes on the same
/// routes — one configured in YAML, one in JSON, both with the seeds' <c>authzen</c> block.</summary>
public sealed class SeedsPbacFixture : IAsyncLifetime
{
    /// <summary>The audience of the API's tokens.</summary>
    public const string Audience = "orders-api";

    private static readonly string[] Tenants = ["acme", "globex"];
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, (PortcullisGatewayProcess Process, HttpClient Client)> gateways = new(StringComparer.Ordinal);
    private TestIssuerServer? issuer;
    private EchoUpstream? upstream;
    private CerbosProcess? cerbos;

    /// <summary>Gets the upstream behind every route.</summary>
    public EchoUpstream Upstream => upstream ?? throw new InvalidOperationException("The upstream is not running.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa2);
        upstream = await EchoUpstream.StartAsync();
        cerbos = await CerbosProcess.StartAsync(Path.Combine(RepoPaths.Samples, "seeds-pbac", "policies"), timeout.Token);
        var host = cerbos.BaseAddress.GetLeftPart(UriPartial.Authority);
        await StartAsync("yaml", folder.Write("portcullis.yaml", Yaml(host)), timeout.Token);
        await StartAsync("json", folder.Write("portcullis.json", Json(host)), timeout.Token);
    }

    /// <summary>Gets the client of the gateway configured in <paramref name="format"/> (<c>yaml</c> or <c>json</c>).</summary>
    public HttpClient Client(string format) => gateways[format].Client;

    /// <summary>Gets the last output lines of the gateway configured in <paramref name="format"/>.</summary>
    public string Output(string format) => gateways[format].Process.Output;

    /// <summary>Signs a token of the issuer carrying <paramref name="claimsJson"/>.</summary>
    public string Token(string claimsJson) => issuer!.Issue(TestKey.Rsa2, Audience, claimsJson);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var (process, client) in gateways.Values)
        {
            client.Dispose();
            await process.DisposeAsync();
        }
        if (cerbos is not null) await cerbos.DisposeAsync();
        if (upstream is not null) await upstream.DisposeAsync();
        if (issuer is not null) await issuer.DisposeAsync();
        folder.Dispose();
    }

    private async Task StartAsync(string format, string configFile, CancellationToken cancellationToken)
    {
        var process = await PortcullisGatewayProcess.StartAsync(configFile, cancellationToken);
        gateways[format] = (process, new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(20) });
    }

    // The seeds' block, word for word; only the Cerbos address is this machine's.
    private static string Block(string host) =>
        $$$"""{"pdp":{"host":"{{{host}}}","platform":"cerbos"},"subject":{"type":"user","id":"claim::preferred_username","properties":[{"key":"roles","claim":"realm_access.roles"},{"key":"tenant","claim":"organization"}]},"resource":{"type":"route","id":"$request.route"},"action":{"name":"$request.method"}}""";

    private string Json(string host)
    {
        var routes = Tenants.Select(t =>
            $$"""{"id":"{{t}}-orders","path":"/{{t}}/orders/{orderId}","upstream":"{{Upstream.BaseAddress}}","authzen":{{Block(host)}}}""");
        return $$"""
            {
              "issuers": [{"issuer": "{{issuer!.Issuer}}", "jwks_uri": "{{issuer.JwksUri}}", "audiences": ["{{Audience}}"]}],
              "routes": [
                {{string.Join(",\n    ", routes)}}
              ]
            }
            """;
    }

    private string Yaml(string host)
    {
        var routes = Tenants.Select(t => $$"""
              - id: {{t}}-orders
                path: /{{t}}/orders/{orderId}
                upstream: {{Upstream.BaseAddress}}
                authzen:
                  pdp:
                    host: {{host}}
                    platform: cerbos
                  subject:
                    type: user
                    id: claim::preferred_username
                    properties:
                      - key: roles
                        claim: realm_access.roles
                      - key: tenant
                        claim: organization
                  resource:
                    type: route
                    id: $request.route
                  action:
                    name: $request.method
            """);
        return $"""
            issuers:
              - issuer: {issuer!.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [{Audience}]
            routes:
            {string.Join("\n", routes)}
            """;
    }
}
