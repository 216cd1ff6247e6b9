using System.Text.Json;
using Portcullis.FunctionalTests.Cerbos;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>One real ExpenseServer behind two <c>portcullis serve</c> processes with the same MCP route and the same
/// policies, <c>samples/mcp/expense-policies</c>: one decided by the embedded PDP, one by the real Cerbos 0.55
/// (<c>authzen.pdp</c> with <c>platform: cerbos</c>, so the token's roles also go as <c>cerbos.roles</c>). Tokens come
/// from a test issuer both gateways trust.</summary>
public sealed class ExpenseTwoPdpsFixture : IAsyncLifetime
{
    /// <summary>The PDP names the tests use.</summary>
    public const string Embedded = "embedded", Cerbos = "cerbos";

    private readonly TempFolder folder = new();
    private readonly Dictionary<string, PortcullisGatewayProcess> gateways = new(StringComparer.Ordinal);
    private TestIssuerServer? issuer;
    private ExpenseServerProcess? server;
    private CerbosProcess? cerbos;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        server = await ExpenseServerProcess.StartAsync(cancellationToken: timeout.Token);
        cerbos = await CerbosProcess.StartAsync(ExpenseGatewayFixture.PolicyFolder, timeout.Token);
        var issuerYaml = McpRouteYaml.JwksIssuer(issuer.Issuer, issuer.JwksUri, ExpenseGatewayFixture.Resource);
        var upstream = server.Endpoint.GetLeftPart(UriPartial.Authority);
        var cerbosHost = cerbos.BaseAddress.GetLeftPart(UriPartial.Authority);
        await StartAsync(Embedded, McpRouteYaml.Build(issuerYaml, upstream, ExpenseGatewayFixture.Resource, ExpenseGatewayFixture.PolicyFolder), timeout.Token);
        await StartAsync(Cerbos, McpRouteYaml.Build(issuerYaml, upstream, ExpenseGatewayFixture.Resource, policies: null,
            pdp: $"{{host: \"{cerbosHost}\", platform: cerbos}}"), timeout.Token);
    }

    /// <summary>Gets the MCP endpoint of the gateway deciding with <paramref name="pdp"/>.</summary>
    public Uri Endpoint(string pdp) => new(gateways[pdp].BaseAddress, "/mcp");

    /// <summary>Gets the last output lines of both gateways and Cerbos, for failure messages.</summary>
    public string Output =>
        string.Join("\n", gateways.Select(g => $"--- gateway ({g.Key}):\n{g.Value.Output}")) + $"\n--- cerbos:\n{cerbos?.Output}";

    /// <summary>Signs a token for <paramref name="user"/>: its subject, roles and <c>amr</c>.</summary>
    public string Token(ExpenseUser user) =>
        issuer!.Issue(TestKey.Rsa1, ExpenseGatewayFixture.Resource, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = user.Subject, ["client_id"] = "expense-agent", ["roles"] = user.Roles, ["amr"] = user.Amr,
        }));

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var gateway in gateways.Values) await gateway.DisposeAsync();
        if (cerbos is not null) await cerbos.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
        if (issuer is not null) await issuer.DisposeAsync();
        folder.Dispose();
    }

    private async Task StartAsync(string pdp, string config, CancellationToken cancellationToken) =>
        gateways[pdp] = await PortcullisGatewayProcess.StartAsync(folder.Write($"{pdp}.yaml", config), cancellationToken);
}
