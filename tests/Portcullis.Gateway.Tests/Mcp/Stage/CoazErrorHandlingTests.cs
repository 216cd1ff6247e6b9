using static Portcullis.Gateway.Tests.Mcp.Stage.McpStageGatewayFixture;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>COAZ-MCP "Error Handling" and "Security Considerations" through a real gateway: every refusal is a
/// JSON-RPC error whose id is the request's own (number or string), with the binding's code, and nothing reaches the
/// MCP server; an unreachable or garbled PDP is -32603; tokens are validated before their claims are used.</summary>
[Collection(McpStageGatewayCollection.Name)]
public sealed class CoazErrorHandlingTests(McpStageGatewayFixture gateway)
{
    private const int Denied = -32001;
    private const int InvalidParams = -32602;
    private const int InternalError = -32603;
    private const int InvalidRequest = -32600;

    public static TheoryData<string, string> IdsAndRefusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in new[] { "7", "0", "-3", "9007199254740993", "\"req-7\"", "\"\"", "\"a\\u0062\"" })
        {
            foreach (var refusal in new[] { "denied", "mapping_error", "pdp_unreachable", "invalid" }) data.Add(id, refusal);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(IdsAndRefusals))]
    public async Task Refusal_ErrorIdIsTheRequestsId_WithTheBindingsCode(string idJson, string refusal)
    {
        var (path, body, code) = refusal switch
        {
            "denied" => (MainPath, ToolsCall("delete_file", idJson: idJson), Denied),
            "mapping_error" => (MainPath, """{"jsonrpc":"2.0","id":""" + idJson + ""","method":"tools/call","params":{"arguments":{}}}""", InvalidParams),
            "pdp_unreachable" => (DownPath, ToolsCall("read_file", idJson: idJson), InternalError),
            _ => (MainPath, $$"""{"jsonrpc":"1.0","id":{{idJson}},"method":"ping"}""", InvalidRequest),
        };

        var reply = await gateway.PostAsync(path, body, path == MainPath ? null : gateway.Token(audience: ResourceOf(path)));

        McpAssert.Error(reply.Single, code, idJson);
        Assert.Contains("\"id\":" + idJson, reply.Body, StringComparison.Ordinal);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task Denial_CodeIsMinus32001_InsideTheImplementationDefinedRange()
    {
        var reply = await gateway.PostAsync(MainPath, ToolsCall("delete_file", idJson: "789"));

        McpAssert.Error(reply.Single, Denied, "789");
        var code = reply.Single["error"]!["code"]!.GetValue<int>();
        Assert.InRange(code, -32099, -32000);
    }

    [Fact]
    public async Task Denial_PdpGivesAReasonUnderAnyKey_StillMinus32001_NotForwarded()
    {
        var reply = await gateway.PostAsync(ReasonPath, ToolsCall("read_file", idJson: "790"), gateway.Token(audience: ResourceOf(ReasonPath)));

        Assert.StartsWith("Access denied", McpAssert.Error(reply.Single, Denied, "790"), StringComparison.Ordinal);
        McpAssert.NotForwarded(gateway, reply);
        Assert.Contains(gateway.ReasonPdp.Received, r => r.Method == "POST");
    }

    [Theory]
    [InlineData(DownPath)]
    [InlineData(GarbagePath)]
    public async Task PdpUnreachableOrInvalid_Minus32603WithTheId_NotForwarded(string path)
    {
        var reply = await gateway.PostAsync(path, ToolsCall("read_file", idJson: "101"), gateway.Token(audience: ResourceOf(path)));

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("Authorization service unavailable", McpAssert.Error(reply.Single, InternalError, "101"));
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData(DownPath)]
    public async Task PdpUnreachable_ListRequest_Minus32603_NotForwarded(string path)
    {
        var reply = await gateway.PostAsync(path, """{"jsonrpc":"2.0","id":"l","method":"tools/list"}""", gateway.Token(audience: ResourceOf(path)));

        McpAssert.Error(reply.Single, InternalError, "\"l\"");
        McpAssert.NotForwarded(gateway, reply);
    }

    public static TheoryData<string> BadTokens() => ["expired", "unknown_key", "other_audience", "other_issuer"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task TokenIntegrity_TokenNotValid_401BeforeAnyClaimIsUsed(string kind)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = kind switch
        {
            "expired" => gateway.Token(claims: c => { c["iat"] = now - 7200; c["nbf"] = now - 7200; c["exp"] = now - 3600; }),
            "unknown_key" => gateway.Token(key: TestKey.Rsa2),
            "other_audience" => gateway.Token(audience: ResourceOf(BigPath)),
            _ => gateway.Token(claims: c => c["iss"] = "https://impostor.example.test"),
        };

        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":1,"method":"ping"}""", token);

        Assert.Equal(401, (int)reply.Status);
        Assert.StartsWith("Bearer", reply.Headers["WWW-Authenticate"], StringComparison.Ordinal);
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }
}
