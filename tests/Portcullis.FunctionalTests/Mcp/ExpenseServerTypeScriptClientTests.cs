using System.Text.Json;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>The official TypeScript SDK client (<c>tools/mcp-client.mjs</c>) against the real ExpenseServer, directly
/// (no gateway): one session that lists, calls, fails and calls again.</summary>
public sealed class ExpenseServerTypeScriptClientTests(ExpenseServerFixture fixture) : IClassFixture<ExpenseServerFixture>
{
    [Fact]
    public async Task Session_ListCallFailCall_EveryStepAnswered_AndTheSessionSurvivesTheError()
    {
        var run = await TypeScriptMcpClient.RunAsync(fixture.Server.Endpoint, bearerToken: null,
        [
            McpClientStep.ListTools,
            McpClientStep.CallTool("view_expense", """{"id":"exp-1002"}"""),
            McpClientStep.CallTool("delete_expense", """{"id":"exp-1002"}"""),
            McpClientStep.CallTool("view_expense", """{"id":"exp-1003"}"""),
        ]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["initialize", "tools/list", "tools/call", "tools/call", "tools/call", "close"],
            run.Steps.Select(s => s.GetProperty("step").GetString()));
        var initialize = run.Step(0);
        Assert.True(initialize.GetProperty("ok").GetBoolean(), run.Output);
        Assert.Equal("expense-server", initialize.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(initialize.GetProperty("sessionId").GetString()));

        var tools = run.Step(1).GetProperty("result").GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(3, tools.Count);
        Assert.All(tools, tool => Assert.Equal(JsonValueKind.Object,
            tool.GetProperty("inputSchema").GetProperty("x-authzen-mapping").GetProperty("evaluation").ValueKind));

        Assert.Equal("exp-1002", ExpenseId(run.Step(2)));
        var denied = run.Step(3);
        Assert.False(denied.GetProperty("ok").GetBoolean());
        Assert.Equal(-32602, denied.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("exp-1003", ExpenseId(run.Step(4)));
        Assert.True(run.Step(5).GetProperty("ok").GetBoolean(), run.Output);
    }

    [Fact]
    public async Task Session_StatelessServer_InitializesWithoutSessionAndCalls()
    {
        await using var stateless = await ExpenseServerProcess.StartAsync(stateless: true);

        var run = await TypeScriptMcpClient.RunAsync(stateless.Endpoint, bearerToken: null,
            [McpClientStep.CallTool("view_expense", """{"id":"exp-1001"}""")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(JsonValueKind.Null, run.Step(0).GetProperty("sessionId").ValueKind);
        Assert.Equal("exp-1001", ExpenseId(run.Step(1)));
    }

    private static string? ExpenseId(JsonElement step)
    {
        Assert.True(step.GetProperty("ok").GetBoolean(), step.ToString());
        var result = step.GetProperty("result");
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), step.ToString());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString();
    }
}
