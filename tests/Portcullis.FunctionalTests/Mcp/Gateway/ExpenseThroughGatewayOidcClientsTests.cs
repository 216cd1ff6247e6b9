using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The official TypeScript SDK client and the C# SDK client, with tokens from <c>oidc-provider</c>, through
/// <c>portcullis serve</c> to the real ExpenseServer, decided by the tools' declared COAZ-MCP mappings: an analyst who
/// signed in with a password sees and calls only <c>list_expenses</c> and gets -32001 for <c>view_expense</c>; one with
/// a hardware-secured key sees and calls every tool.</summary>
public sealed class ExpenseThroughGatewayOidcClientsTests(ExpenseOidcGatewayFixture fixture) : IClassFixture<ExpenseOidcGatewayFixture>
{
    [Fact]
    public async Task TypeScriptClient_PasswordAnalyst_ListsOnlyListExpenses_IsDeniedAView_AndListsAgain()
    {
        var token = await fixture.TokenAsync(ExpenseOidcGatewayFixture.PasswordAnalyst);

        var run = await TypeScriptMcpClient.RunAsync(fixture.Endpoint, token,
        [
            McpClientStep.ListTools,
            McpClientStep.CallTool("list_expenses"),
            McpClientStep.CallTool("view_expense", """{"id":"exp-1002"}"""),
            McpClientStep.CallTool("list_expenses", """{"status":"approved"}"""),
        ]);

        Assert.True(run.ExitCode == 0, $"{run.Output}\ngateway:\n{fixture.GatewayOutput}");
        Assert.Equal(["initialize", "tools/list", "tools/call", "tools/call", "tools/call", "close"],
            run.Steps.Select(s => s.GetProperty("step").GetString()));
        Assert.Equal("expense-server", run.Step(0).GetProperty("serverInfo").GetProperty("name").GetString());
        var tools = run.Step(1).GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Equal(["list_expenses"], tools);
        Assert.Equal(["exp-1001", "exp-1002", "exp-1003"], ExpenseIds(run.Step(2)));
        var denied = run.Step(3);
        Assert.False(denied.GetProperty("ok").GetBoolean(), denied.ToString());
        Assert.Equal(-32001, denied.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(["exp-1003"], ExpenseIds(run.Step(4)));
        Assert.True(run.Step(5).GetProperty("ok").GetBoolean(), run.Output);
    }

    [Fact]
    public async Task CSharpClient_PasswordAnalyst_ListsOnlyListExpenses_IsDeniedAView_AndListsAgain()
    {
        var token = await fixture.TokenAsync(ExpenseOidcGatewayFixture.PasswordAnalyst);
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, token);

        var tools = await client.ListToolsAsync();
        var before = await client.CallToolAsync("list_expenses", new Dictionary<string, object?>());
        var denied = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1002" }).AsTask());
        var after = await client.CallToolAsync("list_expenses", new Dictionary<string, object?> { ["status"] = "approved" });

        Assert.Equal(["list_expenses"], tools.Select(t => t.Name));
        Assert.Equal(["exp-1001", "exp-1002", "exp-1003"], ExpenseIds(before));
        Assert.Equal(-32001, (int)denied.ErrorCode);
        Assert.Equal(["exp-1003"], ExpenseIds(after));
    }

    [Fact]
    public async Task CSharpClient_HardwareKeyAnalyst_ListsEveryToolAndViewsAnExpense()
    {
        var token = await fixture.TokenAsync(ExpenseOidcGatewayFixture.HardwareKeyAnalyst);
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, token);

        var tools = await client.ListToolsAsync();
        var view = await client.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1002" });

        Assert.Equal(["approve_expense", "list_expenses", "view_expense"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.NotEqual(true, view.IsError);
        using var expense = JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(view.Content)).Text);
        Assert.Equal("exp-1002", expense.RootElement.GetProperty("id").GetString());
    }

    private static IEnumerable<string?> ExpenseIds(JsonElement step)
    {
        Assert.True(step.GetProperty("ok").GetBoolean(), step.ToString());
        return ExpenseIds(step.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!);
    }

    private static IEnumerable<string?> ExpenseIds(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        return ExpenseIds(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    private static List<string?> ExpenseIds(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString())];
    }
}
