using ModelContextProtocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>A tools/call that arrives before the gateway saw the server's tools/list is still decided by the tool's
/// declared mapping: the gateway asks the server for its list first. With a tool policy that allows every tool, only the
/// declared mapping (analysts with a hardware key may view) can refuse the call.</summary>
public sealed class DeclaredMappingBeforeListingTests(LenientListingExpenseGatewayFixture fixture) : IClassFixture<LenientListingExpenseGatewayFixture>
{
    [Fact]
    public async Task CallTool_WithoutListingFirst_IsDecidedByTheDeclaredMapping()
    {
        await using var passwordAnalyst = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, fixture.Token("pat", ["analyst"], ["pwd"]));
        await using var keyAnalyst = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, fixture.Token("ana", ["analyst"], ["hwk"]));

        var denied = await Assert.ThrowsAsync<McpProtocolException>(() =>
            passwordAnalyst.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1003" }).AsTask());
        var allowed = await keyAnalyst.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1003" });

        Assert.Equal(-32001, (int)denied.ErrorCode);
        Assert.NotEqual(true, allowed.IsError);
    }
}
