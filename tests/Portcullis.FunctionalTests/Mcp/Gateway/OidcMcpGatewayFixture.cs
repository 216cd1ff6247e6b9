using Portcullis.FunctionalTests.Oidc;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>A real MCP server behind a real <c>portcullis serve</c> (MCP route <c>/mcp</c>, embedded PDP) that trusts a
/// real OpenID provider (npm <c>oidc-provider</c>): the clients get their tokens from its token endpoint with the
/// client-credentials grant and the route's resource as RFC 8707 <c>resource</c>, as an MCP client does after the
/// route's protected-resource metadata. Each registered client's tokens carry its <c>roles</c> (and <c>amr</c>); their
/// <c>sub</c> is the client id. Subclasses choose the server, the clients and the policies.</summary>
public abstract class OidcMcpGatewayFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private OidcProviderProcess? provider;
    private PortcullisGatewayProcess? gateway;

    /// <summary>Gets the MCP route's resource identifier (<c>mcp.resource</c>, the tokens' audience).</summary>
    public abstract string Resource { get; }

    /// <summary>Gets the clients registered with the provider.</summary>
    internal abstract IReadOnlyList<OidcTestClient> Clients { get; }

    /// <summary>Gets the gateway's MCP endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets the gateway's last output lines, for failure messages.</summary>
    public string GatewayOutput => gateway?.Output ?? "";

    /// <summary>Starts the MCP server and returns its base address (scheme, host and port).</summary>
    protected abstract Task<string> StartServerAsync(CancellationToken cancellationToken);

    /// <summary>Returns the embedded PDP's policy folder, writing it into <paramref name="scratch"/> if need be.</summary>
    protected abstract string PolicyFolder(TempFolder scratch);

    /// <summary>Stops the MCP server.</summary>
    protected abstract ValueTask StopServerAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        provider = await OidcProviderProcess.StartAsync(Clients, timeout.Token);
        var upstream = await StartServerAsync(timeout.Token);
        var issuer = McpRouteYaml.DiscoveredIssuer(provider.IssuerId, provider.Discovery, Resource);
        var config = McpRouteYaml.Build(issuer, upstream, Resource, PolicyFolder(folder), pdp: null,
            "required_scopes: [read]", "scopes_supported: [read, write]");
        gateway = await PortcullisGatewayProcess.StartAsync(folder.Write("portcullis.yaml", config), timeout.Token);
        Endpoint = new Uri(gateway.BaseAddress, "/mcp");
    }

    /// <summary>Gets an access token of <paramref name="client"/> for the route's resource, with the <c>read</c> scope,
    /// from the provider's token endpoint.</summary>
    internal async Task<string> TokenAsync(OidcTestClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await provider!.GetAccessTokenAsync(client, Resource, "read", timeout.Token);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (gateway is not null) await gateway.DisposeAsync();
        await StopServerAsync();
        if (provider is not null) await provider.DisposeAsync();
        folder.Dispose();
    }
}
