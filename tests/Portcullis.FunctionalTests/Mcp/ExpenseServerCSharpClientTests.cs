using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>The C# SDK client against the real ExpenseServer, directly (no gateway): the handshake, the declared
/// AuthZEN mappings in <c>tools/list</c>, tool calls, and errors that leave the session usable.</summary>
public sealed class ExpenseServerCSharpClientTests(ExpenseServerFixture fixture) : IClassFixture<ExpenseServerFixture>
{
    [Fact]
    public async Task Connect_Initializes_WithTheServersIdentityAndToolsCapability()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        Assert.Equal("expense-server", client.ServerInfo?.Name);
        Assert.NotNull(client.ServerCapabilities?.Tools);
        Assert.False(string.IsNullOrEmpty(client.SessionId));
    }

    [Fact]
    public async Task ListTools_EachToolCarriesItsDeclaredMapping_BesideTheDerivedSchema()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.InputSchema);

        Assert.Equal(["approve_expense", "list_expenses", "view_expense"], tools.Keys.Order(StringComparer.Ordinal));
        var view = tools["view_expense"];
        Assert.Equal("object", view.GetProperty("type").GetString());
        Assert.Equal("string", view.GetProperty("properties").GetProperty("id").GetProperty("type").GetString());
        Assert.Equal(["id"], view.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var evaluation = view.GetProperty("x-authzen-mapping").GetProperty("evaluation");
        Assert.Equal("identity", evaluation.GetProperty("subject").GetProperty("type").GetString());
        Assert.Equal("$token.sub", evaluation.GetProperty("subject").GetProperty("id").GetString());
        Assert.Equal("view", evaluation.GetProperty("action").GetProperty("name").GetString());
        Assert.Equal("expense", evaluation.GetProperty("resource").GetProperty("type").GetString());
        Assert.Equal("$params.arguments.id", evaluation.GetProperty("resource").GetProperty("id").GetString());
        Assert.Equal("approve", tools["approve_expense"].GetProperty("x-authzen-mapping").GetProperty("evaluation")
            .GetProperty("action").GetProperty("name").GetString());
        Assert.Equal("list", tools["list_expenses"].GetProperty("x-authzen-mapping").GetProperty("evaluation")
            .GetProperty("action").GetProperty("name").GetString());
    }

    [Fact]
    public async Task CallTool_ViewThenApprove_ReturnsTheExpenseAndKeepsTheApproval()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        var before = await ExpenseAsync(client, "view_expense", "exp-1001");
        var approved = await ExpenseAsync(client, "approve_expense", "exp-1001", comment: "ok");
        var after = await ExpenseAsync(client, "view_expense", "exp-1001");

        Assert.Equal("submitted", before.GetProperty("status").GetString());
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("ok", approved.GetProperty("approval_comment").GetString());
        Assert.Equal("approved", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CallTool_ListWithStatusFilter_ReturnsOnlyThoseExpenses()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        var result = await client.CallToolAsync("list_expenses", new Dictionary<string, object?> { ["status"] = "approved" });

        using var json = JsonDocument.Parse(Text(result));
        Assert.Contains("exp-1003", json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Equal("approved", e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task CallTool_UnknownExpense_IsAToolErrorNamingTheId()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        var result = await client.CallToolAsync("view_expense", new Dictionary<string, object?> { ["id"] = "exp-9999" });

        Assert.True(result.IsError);
        Assert.Contains("exp-9999", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_UnknownTool_IsInvalidParams_AndTheSessionStaysUsable()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        var error = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await client.CallToolAsync("delete_expense", new Dictionary<string, object?> { ["id"] = "exp-1002" }));
        var after = await ExpenseAsync(client, "view_expense", "exp-1002");

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Equal("exp-1002", after.GetProperty("id").GetString());
    }

    private static async Task<JsonElement> ExpenseAsync(ModelContextProtocol.Client.McpClient client, string tool, string id, string? comment = null)
    {
        var arguments = new Dictionary<string, object?> { ["id"] = id };
        if (comment is not null) arguments["comment"] = comment;
        var result = await client.CallToolAsync(tool, arguments);
        Assert.NotEqual(true, result.IsError);
        using var json = JsonDocument.Parse(Text(result));
        return json.RootElement.Clone();
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
