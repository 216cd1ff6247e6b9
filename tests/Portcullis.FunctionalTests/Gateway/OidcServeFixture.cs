using Portcullis.FunctionalTests.Oidc;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The common part of the fixtures that put a real OpenID provider (npm <c>oidc-provider</c>) in front of a
/// real <c>portcullis serve</c> and a recording upstream: a subclass gives the embedded PDP's policy and the gateway
/// configuration; this class starts, exposes and stops the three processes.</summary>
public abstract class OidcServeFixture : IAsyncLifetime
{
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

    /// <summary>Gets the embedded PDP's policy (written to <c>policies/route.yaml</c>).</summary>
    protected abstract string Policy { get; }

    /// <summary>Returns <c>portcullis.yaml</c> (with <c>pdp.policies: policies</c>) for the running provider and upstream.</summary>
    internal abstract string Configuration(OidcProviderProcess provider, EchoUpstream upstream);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        provider = await OidcProviderProcess.StartAsync(timeout.Token);
        upstream = await EchoUpstream.StartAsync();
        folder.Write("policies/route.yaml", Policy);
        var config = folder.Write("portcullis.yaml", Configuration(provider, upstream));
        gateway = await PortcullisGatewayProcess.StartAsync(config, timeout.Token);
        Client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
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
