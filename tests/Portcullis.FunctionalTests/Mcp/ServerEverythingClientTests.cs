using ModelContextProtocol.Protocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>Both SDK clients against the real <c>@modelcontextprotocol/server-everything</c>, directly (no gateway).</summary>
public sealed class ServerEverythingClientTests(ServerEverythingFixture fixture) : IClassFixture<ServerEverythingFixture>
{
    [Fact]
    public async Task CSharpClient_InitializeListCall_EchoesTheMessage()
    {
        await using var client = await CSharpMcpClient.ConnectAsync(fixture.Server.Endpoint);

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "portcullis" });

        Assert.Equal("mcp-servers/everything", client.ServerInfo?.Name);
        Assert.Contains(tools, t => t.Name == "get-sum");
        Assert.Equal("Echo: portcullis", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task TypeScriptClient_InitializeListCall_AddsTheNumbers()
    {
        var run = await TypeScriptMcpClient.RunAsync(fixture.Server.Endpoint, bearerToken: null,
            [McpClientStep.ListTools, McpClientStep.CallTool("get-sum", """{"a":2,"b":40}"""), McpClientStep.Ping]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("mcp-servers/everything", run.Step(0).GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Contains(run.Step(1).GetProperty("result").GetProperty("tools").EnumerateArray(),
            t => t.GetProperty("name").GetString() == "echo");
        var sum = run.Step(2).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Contains("42", sum, StringComparison.Ordinal);
        Assert.True(run.Step(3).GetProperty("ok").GetBoolean(), run.Output);
    }
}
