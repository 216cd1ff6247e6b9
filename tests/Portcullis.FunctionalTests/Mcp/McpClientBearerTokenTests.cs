using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>Both SDK clients send the bearer token they are given on their first request, so the gateway tests can
/// authenticate them. The "server" is a recording upstream that does not speak MCP, so the handshake itself fails.</summary>
public sealed class McpClientBearerTokenTests
{
    private const string Token = "header.payload.signature";

    [Fact]
    public async Task TypeScriptClient_WithToken_SendsAuthorizationBearer_AndReportsTheFailedHandshake()
    {
        await using var upstream = await EchoUpstream.StartAsync("not-mcp");

        var run = await TypeScriptMcpClient.RunAsync(new Uri(upstream.BaseAddress, "mcp"), Token, [McpClientStep.ListTools]);

        Assert.Equal(1, run.ExitCode);
        var initialize = Assert.Single(run.Steps);
        Assert.False(initialize.GetProperty("ok").GetBoolean());
        var request = Assert.Single(upstream.Received, r => r.Method == "POST");
        Assert.Equal("POST", request.Method);
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task CSharpClient_WithToken_SendsAuthorizationBearer()
    {
        await using var upstream = await EchoUpstream.StartAsync("not-mcp");

        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await (await CSharpMcpClient.ConnectAsync(new Uri(upstream.BaseAddress, "mcp"), Token)).DisposeAsync());

        var request = Assert.Single(upstream.Received, r => r.Method == "POST");
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
    }
}
