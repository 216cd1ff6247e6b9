using System.Text.Json;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>One real ExpenseServer behind two <c>portcullis serve</c> processes writing decision records to stdout (the
/// default output): one with the default MCP settings, one with <c>mcp.log_arguments: true</c>. Embedded PDP with
/// <c>samples/mcp/expense-policies</c>; tokens from a test issuer.</summary>
public sealed class ExpenseRecordsFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private readonly List<string> tokens = [];
    private TestIssuerServer? issuer;
    private ExpenseServerProcess? server;
    private PortcullisGatewayProcess? defaults;
    private PortcullisGatewayProcess? withArguments;

    /// <summary>Gets the gateway with the default MCP settings (no tool arguments in records).</summary>
    public PortcullisGatewayProcess Default => defaults!;

    /// <summary>Gets the gateway whose route sets <c>mcp.log_arguments: true</c>.</summary>
    public PortcullisGatewayProcess LoggingArguments => withArguments!;

    /// <summary>Gets every token signed so far, to look for in the output.</summary>
    public IReadOnlyList<string> Tokens { get { lock (tokens) return [.. tokens]; } }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        server = await ExpenseServerProcess.StartAsync(cancellationToken: timeout.Token);
        var issuerYaml = McpRouteYaml.JwksIssuer(issuer.Issuer, issuer.JwksUri, ExpenseGatewayFixture.Resource);
        var upstream = server.Endpoint.GetLeftPart(UriPartial.Authority);
        defaults = await PortcullisGatewayProcess.StartAsync(folder.Write("default.yaml",
            McpRouteYaml.Build(issuerYaml, upstream, ExpenseGatewayFixture.Resource, ExpenseGatewayFixture.PolicyFolder)), timeout.Token);
        withArguments = await PortcullisGatewayProcess.StartAsync(folder.Write("log-arguments.yaml",
            McpRouteYaml.Build(issuerYaml, upstream, ExpenseGatewayFixture.Resource, ExpenseGatewayFixture.PolicyFolder, null, "log_arguments: true")), timeout.Token);
    }

    /// <summary>Signs a token for <paramref name="subject"/> (client <c>expense-agent</c>) with <paramref name="roles"/>
    /// and <paramref name="amr"/>, and remembers it.</summary>
    public string Token(string subject, string[] roles, string[] amr)
    {
        var token = issuer!.Issue(TestKey.Rsa1, ExpenseGatewayFixture.Resource, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = subject, ["client_id"] = "expense-agent", ["roles"] = roles, ["amr"] = amr,
        }));
        lock (tokens) tokens.Add(token);
        return token;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (withArguments is not null) await withArguments.DisposeAsync();
        if (defaults is not null) await defaults.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
        if (issuer is not null) await issuer.DisposeAsync();
        folder.Dispose();
    }
}
