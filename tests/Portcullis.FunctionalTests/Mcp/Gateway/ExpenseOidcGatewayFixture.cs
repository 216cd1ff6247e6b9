using Portcullis.FunctionalTests.Oidc;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The ExpenseServer behind <c>portcullis serve</c> with tokens from <c>oidc-provider</c>, decided by
/// <c>samples/mcp/expense-policies</c> through the tools' declared mappings: two analyst agents, one whose tokens say
/// it signed in with a hardware-secured key (<c>amr: [hwk]</c>) and one with a password (<c>amr: [pwd]</c>).</summary>
public sealed class ExpenseOidcGatewayFixture : OidcMcpGatewayFixture
{
    private ExpenseServerProcess? server;

    /// <summary>An analyst client whose tokens carry <c>amr: [hwk]</c>: sees and may call every tool.</summary>
    internal static OidcTestClient HardwareKeyAnalyst { get; } = new("analyst-hwk", "analyst-hwk-secret",
        new Dictionary<string, object> { ["roles"] = new[] { "analyst" }, ["amr"] = new[] { "hwk" } });

    /// <summary>An analyst client whose tokens carry <c>amr: [pwd]</c>: may only list expenses.</summary>
    internal static OidcTestClient PasswordAnalyst { get; } = new("analyst-pwd", "analyst-pwd-secret",
        new Dictionary<string, object> { ["roles"] = new[] { "analyst" }, ["amr"] = new[] { "pwd" } });

    /// <inheritdoc />
    public override string Resource => ExpenseGatewayFixture.Resource;

    /// <inheritdoc />
    internal override IReadOnlyList<OidcTestClient> Clients => [HardwareKeyAnalyst, PasswordAnalyst];

    /// <inheritdoc />
    protected override async Task<string> StartServerAsync(CancellationToken cancellationToken)
    {
        server = await ExpenseServerProcess.StartAsync(cancellationToken: cancellationToken);
        return server.Endpoint.GetLeftPart(UriPartial.Authority);
    }

    /// <inheritdoc />
    protected override string PolicyFolder(TempFolder scratch) => ExpenseGatewayFixture.PolicyFolder;

    /// <inheritdoc />
    protected override async ValueTask StopServerAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
