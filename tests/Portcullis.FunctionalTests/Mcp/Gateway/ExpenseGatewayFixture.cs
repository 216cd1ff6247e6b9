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

    /// <summary>The policies: server-wide methods, the tools as listed (default tools/call shape) and the expenses
    /// (the tools' declared mappings).</summary>
    public static readonly IReadOnlyDictionary<string, string> Policies = new Dictionary<string, string>
    {
        ["policies/mcp_server.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: mcp_server
              version: default
              rules:
                - name: signed-in-users-use-the-server
                  actions: ["*"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
            """,
        ["policies/tool.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: tool
              version: default
              rules:
                - name: everyone-sees-list
                  actions: ["tools/call"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      expr: R.id == "list_expenses"
                - name: phishing-resistant-analysts-see-the-rest
                  actions: ["tools/call"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      all:
                        of:
                          - expr: '"analyst" in P.attr.roles'
                          - expr: '"hwk" in P.attr.amr'
            """,
        ["policies/expense.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: expense
              version: default
              rules:
                - name: everyone-lists
                  actions: ["list"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                - name: phishing-resistant-analysts
                  actions: ["view", "approve"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      all:
                        of:
                          - expr: '"analyst" in P.attr.roles'
                          - expr: '"hwk" in P.attr.amr'
            """,
    };

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
        foreach (var (path, text) in Policies) folder.Write(path, text);
        if (ToolPolicy is { } toolPolicy) folder.Write("policies/tool.yaml", toolPolicy);
        var config = folder.Write("portcullis.yaml", $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{issuer.Issuer}}
                jwks_uri: {{issuer.JwksUri}}
                audiences: [{{Resource}}]
            routes:
              - id: expenses
                path: /mcp
                upstream: {{server.Endpoint.GetLeftPart(UriPartial.Authority)}}
                authzen:
                  subject:
                    properties:
                      roles: claim::roles
                      amr: claim::amr
                mcp:
                  resource: {{Resource}}
            """);
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
