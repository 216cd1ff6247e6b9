using System.Text.Json;
using ModelContextProtocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The C# SDK client through <c>portcullis serve</c> to the real ExpenseServer: filtered discovery, allowed and
/// denied calls decided by the tools' declared COAZ-MCP mappings, and a session that stays usable after a denial.</summary>
public sealed class ExpenseThroughGatewayCSharpTests(ExpenseGatewayFixture fixture) : IClassFixture<ExpenseGatewayFixture>
{
    [Fact]
    public async Task ListTools_ShowsEachCallerOnlyTheToolsItMayCall()
    {
        await using var analyst = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, fixture.Token("ana", ["analyst"], ["hwk"]));
        await using var employee = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, fixture.Token("eve", ["employee"], ["pwd"]));

        var analystTools = (await analyst.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal);
        var employeeTools = (await employee.ListToolsAsync()).Select(t => t.Name);

        Assert.Equal(["approve_expense", "list_expenses", "view_expense"], analystTools);
        Assert.Equal(["list_expenses"], employeeTools);
    }

    [Fact]
    public async Task CallTool_ByAPhishingResistantAnalyst_ReachesTheServer()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, fixture.Token("ana", ["analyst"], ["hwk"]));
        await client.ListToolsAsync();

        var result = await client.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1002" });

        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(result.Content[0]).Text;
        Assert.Equal("exp-1002", JsonDocument.Parse(text).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CallTool_ByAnAnalystWithAPassword_IsDeniedWithMinus32001_AndTheSessionGoesOn()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, fixture.Token("pat", ["analyst"], ["pwd"]));
        await client.ListToolsAsync();

        var denied = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1002" }).AsTask());
        var list = await client.CallToolAsync("list_expenses", new Dictionary<string, object?>());

        Assert.Equal(-32001, (int)denied.ErrorCode);
        Assert.NotEqual(true, list.IsError);
    }
}
