using Portcullis.FunctionalTests.Oidc;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>A real OpenID provider (npm <c>oidc-provider</c>) trusted by a real <c>portcullis serve</c> through OIDC
/// discovery, in front of a recording upstream; the embedded PDP lets the provider's test client use
/// <c>/orders/{orderId}</c>. Keys may be refetched one second after the last fetch (<c>refresh_interval_seconds</c>).</summary>
public sealed class OidcGatewayFixture : IAsyncLifetime
{
    /// <summary>The resource (audience) the gateway accepts tokens for.</summary>
    public const string Orders = "https://api.example.test/orders";

    /// <summary>Another resource of the same provider, not accepted by the gateway.</summary>
    public const string Billing = "https://api.example.test/billing";

    /// <summary>How soon after a key fetch an unknown <c>kid</c> may cause another.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private const string Policy = $$"""
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: the-test-client-on-orders
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["*"]
              condition:
                match:
                  expr: P.id == "{{OidcProviderProcess.ClientId}}" && R.id == "/orders/{orderId}"
        """;

    private readonly TempFolder folder = new();
    private OidcProviderProcess? provider;
    private EchoUpstream? upstream;
    private PortcullisGatewayProcess? gateway;

    /// <summary>Gets the provider.</summary>
    internal OidcProviderProcess Provider => provider ?? throw new InvalidOperationException("The provider is not running.");

    /// <summary>Gets the upstream.</summary>
    public EchoUpstream Upstream => upstream ?? throw new InvalidOperationException("The upstream is not running.");

    /// <summary>Gets a client whose base address is the gateway.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Gets the gateway's last output lines.</summary>
    public string GatewayOutput => gateway?.Output ?? "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        provider = await OidcProviderProcess.StartAsync(timeout.Token);
        upstream = await EchoUpstream.StartAsync();
        folder.Write("policies/route.yaml", Policy);
        var config = folder.Write("portcullis.yaml", $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{provider.IssuerId}}
                discovery: {{provider.Discovery}}
                audiences: [{{Orders}}]
                algorithms: [RS256]
                required_type: at+jwt
                refresh_interval_seconds: {{(int)RefreshInterval.TotalSeconds}}
            routes:
              - id: orders
                path: /orders/{orderId}
                upstream: {{upstream.BaseAddress}}
            """);
        gateway = await PortcullisGatewayProcess.StartAsync(config, timeout.Token);
        Client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Sends GET <paramref name="path"/> with <paramref name="token"/> and the request id <paramref name="requestId"/>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Request-ID", requestId);
        return Client.SendAsync(request);
    }

    /// <summary>Returns the requests the upstream received with the request id <paramref name="requestId"/>.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedWith(string requestId) =>
        [.. Upstream.Received.Where(r => r.Headers.TryGetValue("X-Request-ID", out var id) && id == requestId)];

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (gateway is not null) await gateway.DisposeAsync();
        if (upstream is not null) await upstream.DisposeAsync();
        if (provider is not null) await provider.DisposeAsync();
        folder.Dispose();
    }
}
