using Portcullis.FunctionalTests.Oidc;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>A real OpenID provider (npm <c>oidc-provider</c>, RFC 8707 resource indicators) trusted by a real
/// <c>portcullis serve</c> with one MCP route, <c>/mcp</c> (resource <see cref="Resource"/>, requires the <c>read</c>
/// scope), in front of a recording upstream; the embedded PDP allows everything, so only the route's OAuth rules decide.
/// The issuer accepts tokens for <see cref="OtherResource"/> too: only the MCP route's audience rule refuses them there.</summary>
public sealed class McpOidcGatewayFixture : IAsyncLifetime
{
    /// <summary>The MCP server's resource identifier.</summary>
    public const string Resource = "https://mcp.example.test/mcp";

    /// <summary>Another resource the issuer configuration accepts.</summary>
    public const string OtherResource = "https://mcp.example.test/other";

    private const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: everyone
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["*"]
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
                audiences: [{{Resource}}, {{OtherResource}}]
                algorithms: [RS256]
                required_type: at+jwt
            routes:
              - id: mcp
                path: /mcp
                upstream: {{upstream.BaseAddress}}
                mcp:
                  resource: {{Resource}}
                  required_scopes: [read]
                  scopes_supported: [read, write]
            """);
        gateway = await PortcullisGatewayProcess.StartAsync(config, timeout.Token);
        Client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Posts a JSON-RPC ping to <c>/mcp</c> with <paramref name="token"/> (none when null) and the request id <paramref name="requestId"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string? token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Request-ID", requestId);
        return await Client.SendAsync(request);
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
