using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The official TypeScript SDK client and the C# SDK client, with tokens from <c>oidc-provider</c>, through
/// <c>portcullis serve</c> to the real <c>@modelcontextprotocol/server-everything</c>: the reader sees only the tools it
/// may call, calls them, and gets -32001 for a tool the policy hides, in a session that then goes on.</summary>
public sealed class EverythingThroughGatewayOidcClientsTests(EverythingOidcGatewayFixture fixture) : IClassFixture<EverythingOidcGatewayFixture>
{
    [Fact]
    public async Task TypeScriptClient_ListCallDeniedCall_SeesOnlyItsToolsAndTheSessionSurvivesTheDenial()
    {
        var token = await fixture.TokenAsync(EverythingOidcGatewayFixture.Reader);

        var run = await TypeScriptMcpClient.RunAsync(fixture.Endpoint, token,
        [
            McpClientStep.ListTools,
            McpClientStep.CallTool("echo", """{"message":"through the gateway"}"""),
            McpClientStep.CallTool("get-env"),
            McpClientStep.CallTool("get-sum", """{"a":2,"b":40}"""),
        ]);

        Assert.True(run.ExitCode == 0, $"{run.Output}\ngateway:\n{fixture.GatewayOutput}");
        Assert.Equal(["initialize", "tools/list", "tools/call", "tools/call", "tools/call", "close"],
            run.Steps.Select(s => s.GetProperty("step").GetString()));
        Assert.Equal("mcp-servers/everything", run.Step(0).GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal(EverythingOidcGatewayFixture.ReaderTools, ToolNames(run.Step(1)));
        Assert.Equal("Echo: through the gateway", Text(run.Step(2)));
        var denied = run.Step(3);
        Assert.False(denied.GetProperty("ok").GetBoolean(), denied.ToString());
        Assert.Equal(-32001, denied.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("42", Text(run.Step(4)), StringComparison.Ordinal);
        Assert.True(run.Step(5).GetProperty("ok").GetBoolean(), run.Output);
    }

    [Fact]
    public async Task CSharpClient_ListCallDeniedCall_SeesOnlyItsToolsAndTheSessionSurvivesTheDenial()
    {
        var token = await fixture.TokenAsync(EverythingOidcGatewayFixture.Reader);
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Endpoint, token);

        var tools = await client.ListToolsAsync();
        var echo = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "through the gateway" });
        var denied = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("get-env", new Dictionary<string, object?>()).AsTask());
        var sum = await client.CallToolAsync("get-sum", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 40 });

        Assert.Equal("mcp-servers/everything", client.ServerInfo?.Name);
        Assert.Equal(EverythingOidcGatewayFixture.ReaderTools, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Echo: through the gateway", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
        Assert.Equal(-32001, (int)denied.ErrorCode);
        Assert.Contains("42", Assert.IsType<TextContentBlock>(Assert.Single(sum.Content)).Text, StringComparison.Ordinal);
    }

    private static IEnumerable<string?> ToolNames(System.Text.Json.JsonElement step)
    {
        Assert.True(step.GetProperty("ok").GetBoolean(), step.ToString());
        return step.GetProperty("result").GetProperty("tools").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
    }

    private static string Text(System.Text.Json.JsonElement step)
    {
        Assert.True(step.GetProperty("ok").GetBoolean(), step.ToString());
        return step.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;
    }
}
