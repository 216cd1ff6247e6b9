using Microsoft.Extensions.Logging;
using static Portcullis.Gateway.Tests.Mcp.Stage.McpStageGatewayFixture;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>Hostile input on an MCP route (issue 5, "How we know it is real"): each test checks what the client got and
/// that nothing, or exactly the allowed part, reached the MCP server.</summary>
[Collection(McpStageGatewayCollection.Name)]
public sealed class McpHostileInputTests(McpStageGatewayFixture gateway)
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int Denied = -32001;
    private const int InvalidParams = -32602;
    private const int HeaderMismatch = -32020;
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private const long DefaultLimit = 1024 * 1024;

    public static TheoryData<string> MalformedBodies() =>
    [
        """{"jsonrpc":"2.0","id":1,"method":"ping" """,
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"/a"}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_fi""",
        """{"jsonrpc":"2.0","id":1,,"method":"ping"}""",
        """{"jsonrpc":"2.0","id":1,"method":"ping"}{"jsonrpc":"2.0","id":2,"method":"ping"}""",
        """{"jsonrpc":"2.0","id":1,"method":"ping",}""",
        """{"jsonrpc":"2.0","id":1,"id":2,"method":"ping"}""",
        "not json at all",
        "",
    ];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedOrTruncatedJson_ParseErrorWithIdNullAndHttp400_NothingForwarded(string body)
    {
        var reply = await gateway.PostAsync(MainPath, body);

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        McpAssert.Error(reply.Single, ParseError, "null");
        McpAssert.NotForwarded(gateway, reply);
        McpAssert.PdpNotAsked(gateway, reply);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"1.0","id":5,"method":"tools/call","params":{"name":"read_file"}}""")]
    [InlineData("""{"id":5,"method":"tools/call","params":{"name":"read_file"}}""")]
    [InlineData("""{"jsonrpc":2.0,"id":5,"method":"tools/call","params":{"name":"read_file"}}""")]
    [InlineData("""{"jsonrpc":"2.0 ","id":5,"method":"tools/call","params":{"name":"read_file"}}""")]
    public async Task Post_WrongOrMissingJsonrpcVersion_InvalidRequestWithTheId_NothingForwarded(string body)
    {
        var reply = await gateway.PostAsync(MainPath, body);

        Assert.Equal(400, (int)reply.Status);
        McpAssert.Error(reply.Single, InvalidRequest, "5");
        McpAssert.NotForwarded(gateway, reply);
        McpAssert.PdpNotAsked(gateway, reply);
    }

    [Fact]
    public async Task Post_FiftyMegabytesDeclared_413BeforeReadingAByte()
    {
        var requestId = "mcp-" + Guid.NewGuid().ToString("N");

        var (status, body, sent) = await LargeBodyPost.SendAsync(gateway.Client.BaseAddress!, MainPath, Headers(requestId), FiftyMegabytes, chunked: false);

        Assert.Equal(413, status);
        McpAssert.Error(System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject(), InvalidRequest, "null");
        Assert.True(sent < FiftyMegabytes, $"the whole body was sent ({sent} bytes) before the gateway answered");
        Assert.Equal(0, gateway.BodyBytesRead[requestId]);
        Assert.Empty(gateway.Upstream.ReceivedWith(requestId));
        Assert.Empty(gateway.Pdp.CallsFor(requestId));
    }

    [Fact]
    public async Task Post_FiftyMegabytesChunked_413AfterReadingNoMoreThanTheLimit()
    {
        var requestId = "mcp-" + Guid.NewGuid().ToString("N");

        var (status, body, sent) = await LargeBodyPost.SendAsync(gateway.Client.BaseAddress!, MainPath, Headers(requestId), FiftyMegabytes, chunked: true);

        Assert.Equal(413, status);
        McpAssert.Error(System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject(), InvalidRequest, "null");
        Assert.True(sent < FiftyMegabytes, $"the whole body was sent ({sent} bytes) before the gateway answered");
        // Just past the limit tells "over it" from "at it"; nothing more is read or buffered.
        Assert.InRange(gateway.BodyBytesRead[requestId], 1, DefaultLimit + 1);
        Assert.Empty(gateway.Upstream.ReceivedWith(requestId));
        Assert.Empty(gateway.Pdp.CallsFor(requestId));
    }

    [Fact]
    public async Task Post_TenThousandDeepParams_ParseErrorAndTheGatewayKeepsServing()
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":""" +
            new string('[', 10_000) + new string(']', 10_000) + "}}";

        var reply = await gateway.PostAsync(MainPath, body);

        Assert.Equal(400, (int)reply.Status);
        McpAssert.Error(reply.Single, ParseError, "null");
        McpAssert.NotForwarded(gateway, reply);
        var after = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":2,"method":"ping"}""");
        McpAssert.Result(after.Single, "2");
    }

    [Theory]
    [InlineData("\"tools/caII\"")]
    [InlineData("\"tools/c\u0430ll\"")]
    [InlineData("\"tools/c\\u0430ll\"")]
    [InlineData("\"t\u043e\u043els/list\"")]
    [InlineData("\"tools/call \"")]
    [InlineData("\" tools/call\"")]
    [InlineData("\"tools /call\"")]
    [InlineData("\"tools/\u200Bcall\"")]
    [InlineData("\"tools/call\\u0000\"")]
    [InlineData("\"TOOLS/CALL\"")]
    [InlineData("\"\\u0070ing \"")]
    public async Task Post_MethodNameWithSpacesOrLookAlikes_DeniedWithTheId_Unasked(string methodJson)
    {
        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":"odd","method":""" + methodJson + ""","params":{"name":"read_file","arguments":{}}}""");

        Assert.Equal(200, (int)reply.Status);
        McpAssert.Error(reply.Single, Denied, "\"odd\"");
        McpAssert.NotForwarded(gateway, reply);
        McpAssert.PdpNotAsked(gateway, reply);
    }

    [Theory]
    [InlineData("tools/list", "read_file")]
    [InlineData("Tools/Call", "read_file")]
    [InlineData("tools/call", "delete_file")]
    [InlineData("tools/call", "Read_File")]
    [InlineData("tools/call", "=?base64?ZGVsZXRlX2ZpbGU=?=")]
    public async Task Post_2026HeadersDisagreeingWithTheBody_400HeaderMismatchBeforeThePdp(string mcpMethod, string mcpName)
    {
        var reply = await gateway.PostAsync(MainPath, Body2026("read_file"), version: "2026-07-28", headers: [("Mcp-Method", mcpMethod), ("Mcp-Name", mcpName)]);

        Assert.Equal(400, (int)reply.Status);
        McpAssert.Error(reply.Single, HeaderMismatch, "5");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task Post_2026HeadersAgreeingWithTheBody_DecidedAndForwarded()
    {
        var reply = await gateway.PostAsync(MainPath, Body2026("read_file"), version: "2026-07-28", headers: [("Mcp-Method", "tools/call"), ("Mcp-Name", "read_file")]);

        McpAssert.Result(reply.Single, "5");
        Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        McpAssert.ForwardedOnce(gateway, reply);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_2025BatchMixingAllowedAndDenied_AllowedOnesForwardedAsASmallerBatch_OneAnswerForAll(bool sse)
    {
        const string Batch = """
            [{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{}}},
             {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"delete_file","arguments":{}}},
             {"jsonrpc":"2.0","id":"three","method":"ping"},
             {"jsonrpc":"2.0","id":4,"method":"tools/destroy"},
             {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":0}}]
            """;

        var reply = await gateway.PostAsync(MainPath, Batch, version: "2025-03-26", sse: sse);

        Assert.Equal(200, (int)reply.Status);
        var forwarded = McpAssert.ForwardedOnce(gateway, reply);
        Assert.StartsWith("[", forwarded.Body.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(["1", "\"three\"", "notifications/cancelled"],
            forwarded.Messages.Select(m => m["id"]?.ToJsonString() ?? m["method"]!.GetValue<string>()));
        if (!sse) Assert.True(reply.IsArray, "a batch is answered with one array: " + reply.Body);
        Assert.Equal(4, reply.Messages.Count);
        Assert.Equal("called \"read_file\"", McpAssert.Result(reply.For("1"), "1")["content"]![0]!["text"]!.GetValue<string>());
        McpAssert.Result(reply.For("\"three\""), "\"three\"");
        McpAssert.Error(reply.For("2"), Denied, "2");
        McpAssert.Error(reply.For("4"), Denied, "4");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_2025BatchWithAListAndADeniedCall_ListFilteredAndTheDenialAdded(bool sse)
    {
        const string Batch = """
            [{"jsonrpc":"2.0","id":"l","method":"tools/list"},
             {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"delete_file","arguments":{}}}]
            """;

        var reply = await gateway.PostAsync(MainPath, Batch, version: "2025-03-26", sse: sse);

        Assert.Equal(["\"l\""], McpAssert.ForwardedOnce(gateway, reply).Messages.Select(m => m["id"]!.ToJsonString()));
        Assert.Equal(2, reply.Messages.Count);
        Assert.DoesNotContain("delete_file", McpAssert.ToolNames(reply.For("\"l\"")));
        McpAssert.Error(reply.For("2"), Denied, "2");
    }

    [Fact]
    public async Task Post_2025BatchAllDenied_OneArrayOfErrors_NothingForwarded()
    {
        const string Batch = """
            [{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"delete_file","arguments":{}}},
             {"jsonrpc":"2.0","id":2,"method":"tools/destroy"},
             {"jsonrpc":"1.0","id":3,"method":"ping"}]
            """;

        var reply = await gateway.PostAsync(MainPath, Batch, version: "2025-03-26");

        Assert.Equal(200, (int)reply.Status);
        Assert.True(reply.IsArray, reply.Body);
        McpAssert.Error(reply.For("1"), Denied, "1");
        McpAssert.Error(reply.For("2"), Denied, "2");
        McpAssert.Error(reply.For("3"), InvalidRequest, "3");
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("\"a\"", "\"a\"")]
    public async Task Post_2025BatchRepeatingARequestId_400InvalidRequest_NothingForwarded(string first, string second)
    {
        // An allowed call and a denied one under one id: the client could not tell which answer is which.
        var batch = "[{\"jsonrpc\":\"2.0\",\"id\":" + first + ",\"method\":\"tools/list\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":" + second + ""","method":"tools/call","params":{"name":"delete_file","arguments":{}}}]""";

        var reply = await gateway.PostAsync(MainPath, batch, version: "2025-03-26");

        Assert.Equal(400, (int)reply.Status);
        McpAssert.Error(reply.Single, InvalidRequest, "null");
        McpAssert.NotForwarded(gateway, reply);
        McpAssert.PdpNotAsked(gateway, reply);
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task Post_BatchAfter2025_03_26_400InvalidRequest_NothingForwarded(string version)
    {
        var reply = await gateway.PostAsync(MainPath, """[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"ping"}]""", version: version);

        Assert.Equal(400, (int)reply.Status);
        McpAssert.Error(reply.Single, InvalidRequest, "null");
        McpAssert.NotForwarded(gateway, reply);
        McpAssert.PdpNotAsked(gateway, reply);
    }

    [Theory]
    [InlineData("act_as_mallory", null)]
    [InlineData("act_as_other_claim", "mallory")]
    public async Task ToolsCall_DeclaredMappingSettingAnotherSubject_MappingErrorAndWarning_Unasked(string tool, string? otherClaim)
    {
        await gateway.ListToolsAsync();
        var token = gateway.Token(claims: c => { if (otherClaim is not null) c["other"] = otherClaim; });

        var reply = await gateway.PostAsync(MainPath, ToolsCall(tool, idJson: "9"), token);

        var message = McpAssert.Error(reply.Single, InvalidParams, "9");
        Assert.StartsWith("COAZ mapping error", message, StringComparison.Ordinal);
        // Messages name fields and expressions, never claim values.
        Assert.DoesNotContain("alice", message, StringComparison.Ordinal);
        if (otherClaim is not null) Assert.DoesNotContain(otherClaim, message, StringComparison.Ordinal);
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
        var warning = Assert.Single(gateway.Logs.Entries, e => e.Message.Contains(reply.RequestId, StringComparison.Ordinal) && e.Level == LogLevel.Warning);
        Assert.Equal(4503, warning.EventId);
        Assert.DoesNotContain("mallory", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsCall_DeclaredEvaluationsWithAPerItemSubject_MappingError_Unasked()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("smuggle_subject", idJson: "\"s\""));

        McpAssert.Error(reply.Single, InvalidParams, "\"s\"");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData("Delete_File")]
    [InlineData("DELETE_FILE")]
    [InlineData("delete_File")]
    [InlineData("delete_file ")]
    [InlineData(" delete_file")]
    [InlineData("\uFF44elete_file")] // full-width 'd'
    public async Task ToolsCall_DeniedToolByANameDifferingOnlyInCaseSpaceOrUnicodeForm_Refused_NotForwarded(string name)
    {
        var list = await gateway.ListToolsAsync();
        Assert.DoesNotContain("delete_file", McpAssert.ToolNames(list.Single));

        var reply = await gateway.PostAsync(MainPath, ToolsCall(name, idJson: "12"));

        McpAssert.Error(reply.Single, InvalidParams, "12");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task ToolsCall_CaseVariantBeforeAnyListing_StillRefused_TheGatewayAsksTheServerForItsList()
    {
        var fresh = new McpStageGatewayFixture();
        await fresh.InitializeAsync();
        try
        {
            var reply = await fresh.PostAsync(MainPath, ToolsCall("Delete_File", idJson: "14"));

            McpAssert.Error(reply.Single, InvalidParams, "14");
            McpAssert.PdpNotAsked(fresh, reply);
            McpAssert.NotForwarded(fresh, reply);
            Assert.Single(fresh.Upstream.GatewayToolsListsWith(reply.RequestId));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task ToolsCall_DeniedToolByItsExactName_Denied_NotForwarded()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("delete_file", idJson: "13"));

        McpAssert.Error(reply.Single, Denied, "13");
        Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        McpAssert.NotForwarded(gateway, reply);
    }

    private (string, string)[] Headers(string requestId) =>
    [
        ("X-Request-ID", requestId),
        ("Authorization", "Bearer " + gateway.Token()),
        ("Accept", "application/json, text/event-stream"),
        ("MCP-Protocol-Version", DefaultVersion),
    ];

    private static string Body2026(string tool) =>
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}";
}
