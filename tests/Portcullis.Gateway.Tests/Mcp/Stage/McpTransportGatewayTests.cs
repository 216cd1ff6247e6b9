using static Portcullis.Gateway.Tests.Mcp.Stage.McpStageGatewayFixture;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>The Streamable HTTP rules the MCP stage enforces before any message is decided: GET and DELETE are
/// authorized (a denied caller gets 403 and nothing reaches the server), the revision's HTTP methods, and the
/// <c>MCP-Protocol-Version</c> header.</summary>
[Collection(McpStageGatewayCollection.Name)]
public sealed class McpTransportGatewayTests(McpStageGatewayFixture gateway)
{
    public static TheoryData<string, string> SessionRequests() => new()
    {
        { "GET", "2025-06-18" }, { "DELETE", "2025-06-18" }, { "GET", "2025-11-25" }, { "DELETE", "2025-11-25" }, { "GET", "2025-03-26" },
    };

    [Theory]
    [MemberData(nameof(SessionRequests))]
    public async Task GetOrDelete_AllowedCaller_AuthorizedAsInitializeAndForwarded(string method, string version)
    {
        var reply = await gateway.SendAsync(new HttpMethod(method), MainPath, gateway.Token(), version);

        Assert.Equal(200, (int)reply.Status);
        var call = Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        Assert.Equal("initialize", call.Request["action"]!["name"]!.GetValue<string>());
        Assert.Equal("mcp_server", call.Request["resource"]!["type"]!.GetValue<string>());
        Assert.Equal(method, McpAssert.ForwardedOnce(gateway, reply).Method);
    }

    [Theory]
    [MemberData(nameof(SessionRequests))]
    public async Task GetOrDelete_DeniedCaller_403_NotForwarded(string method, string version)
    {
        var reply = await gateway.SendAsync(new HttpMethod(method), MainPath, gateway.Token("banned"), version);

        Assert.Equal(403, (int)reply.Status);
        Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData("GET", DownPath)]
    [InlineData("DELETE", DownPath)]
    public async Task GetOrDelete_PdpUnreachable_503_NotForwarded(string method, string path)
    {
        var reply = await gateway.SendAsync(new HttpMethod(method), path, gateway.Token(audience: ResourceOf(path)));

        Assert.Equal(503, (int)reply.Status);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task NotPost_Under2026_405AllowPost_NotForwarded(string method)
    {
        var reply = await gateway.SendAsync(new HttpMethod(method), MainPath, gateway.Token(), "2026-07-28");

        Assert.Equal(405, (int)reply.Status);
        Assert.Equal("POST", reply.Headers["Allow"]);
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData("2099-01-01")]
    [InlineData("2024-11-05")]
    [InlineData("latest")]
    public async Task UnknownProtocolVersion_400_NotForwarded(string version)
    {
        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":1,"method":"ping"}""", version: version);

        Assert.Equal(400, (int)reply.Status);
        McpAssert.Error(reply.Single, -32600, "null");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }
}
