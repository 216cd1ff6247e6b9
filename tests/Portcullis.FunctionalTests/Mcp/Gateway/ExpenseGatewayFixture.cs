using Portcullis.TestSupport;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The real ExpenseServer (sessions on) behind a real <c>portcullis serve</c> whose MCP route <c>/mcp</c> is
/// decided by the embedded PDP with the seeds' demo policy: anyone signed in may use the server and list expenses; only
/// analysts who signed in with a hardware key (<c>amr</c> contains <c>hwk</c>) may view and approve. The route adds the
/// token's <c>roles</c> and <c>amr</c> to every subject, so the tools/list filter can see them. Tokens come from a test
/// issuer with the claims each test needs.</summary>
public class ExpenseGatewayFixture : IAsyncLifetime
{
    /// <summary>The MCP server's resource identifier (the tokens' audience).</summary>
    public const string Resource = "https://expenses.example.test/mcp";

    /// <summary>Gets the policies: <c>samples/mcp/expense-policies</c> (server-wide methods, the tools as listed, the
    /// expenses of the tools' declared mappings), which Cerbos loads unchanged.</summary>
    public static string PolicyFolder => Path.Combine(RepoPaths.Samples, "mcp", "expense-policies");

    private readonly TempFolder folder = new();
    private TestIssuerServer? issuer;
    private ExpenseServerProcess? server;
    private PortcullisGatewayProcess? gateway;

    /// <summary>Gets a replacement for the tool policy (what tools/list shows, and the default tools/call mapping), or null.</summary>
    protected virtual string? ToolPolicy => null;

    /// <summary>Gets the gateway's MCP endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets the gateway's last output lines (decision records and logs).</summary>
    public string GatewayOutput => gateway?.Output ?? "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        server = await ExpenseServerProcess.StartAsync(cancellationToken: timeout.Token);
        var policies = PolicyFolder;
        if (ToolPolicy is { } toolPolicy)
        {
            foreach (var file in Directory.GetFiles(PolicyFolder, "*.yaml")) folder.Write("policies/" + Path.GetFileName(file), File.ReadAllText(file));
            folder.Write("policies/tool.yaml", toolPolicy);
            policies = Path.Combine(folder.Root, "policies");
        }

        var config = folder.Write("portcullis.yaml", McpRouteYaml.Build(
            McpRouteYaml.JwksIssuer(issuer.Issuer, issuer.JwksUri, Resource), server.Endpoint.GetLeftPart(UriPartial.Authority), Resource, policies));
        gateway = await PortcullisGatewayProcess.StartAsync(config, timeout.Token);
        Endpoint = new Uri(gateway.BaseAddress, "/mcp");
    }

    /// <summary>Signs a token for <paramref name="subject"/> with <paramref name="roles"/> and <paramref name="amr"/>.</summary>
    public string Token(string subject, string[] roles, string[] amr) =>
        issuer!.Issue(TestKey.Rsa1, Resource, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = subject, ["client_id"] = "expense-agent", ["roles"] = roles, ["amr"] = amr,
        }));

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (gateway is not null) await gateway.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
        if (issuer is not null) await issuer.DisposeAsync();
        folder.Dispose();
    }
}
