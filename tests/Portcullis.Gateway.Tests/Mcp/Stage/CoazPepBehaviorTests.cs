using System.Text.Json.Nodes;
using static Portcullis.Gateway.Tests.Mcp.Stage.McpStageGatewayFixture;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>The COAZ-MCP binding's MUSTs on the PEP ("Default Mappings", "Declared Mappings", "Mapping Envelopes",
/// "PEP Behavior"), checked through a real gateway: what the PDP was asked, what the client got, what reached the MCP
/// server. The list of MUSTs and the tests that cover each is in COAZ-MUSTS.md next to this file.</summary>
[Collection(McpStageGatewayCollection.Name)]
public sealed class CoazPepBehaviorTests(McpStageGatewayFixture gateway)
{
    private const int Denied = -32001;
    private const int InvalidParams = -32602;

    [Fact]
    public async Task PassThrough_Ping_ForwardedWithoutAPdpCall()
    {
        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":3,"method":"ping"}""");

        McpAssert.Result(reply.Single, "3");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.ForwardedOnce(gateway, reply);
    }

    [Theory]
    [InlineData("notifications/initialized")]
    [InlineData("notifications/cancelled")]
    [InlineData("notifications/roots/list_changed")]
    [InlineData("notifications/anything_new")]
    public async Task PassThrough_Notifications_ForwardedWithoutAPdpCall(string method)
    {
        var reply = await gateway.PostAsync(MainPath, $$$"""{"jsonrpc":"2.0","method":"{{{method}}}","params":{}}""", token: gateway.Token("banned"));

        Assert.Equal(202, (int)reply.Status);
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.ForwardedOnce(gateway, reply);
    }

    [Theory]
    [InlineData("tools/destroy")]
    [InlineData("admin/shutdown")]
    [InlineData("sampling/createMessage")]
    [InlineData("rpc.discover")]
    [InlineData("notifications")]
    [InlineData("pings")]
    public async Task UnknownMethods_DeniedWithMinus32001_NotForwarded_Unasked(string method)
    {
        var reply = await gateway.PostAsync(MainPath, $$$"""{"jsonrpc":"2.0","id":21,"method":"{{{method}}}","params":{}}""");

        Assert.Equal(200, (int)reply.Status);
        McpAssert.Error(reply.Single, Denied, "21");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task DefaultMapping_ToolsCallOfAnUndeclaredTool_AsksTheBindingsRequest()
    {
        var reply = await gateway.PostAsync(MainPath, ToolsCall("read_file", """{"path":"/a"}"""));

        McpAssert.Result(reply.Single, "1");
        var call = Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        Assert.Equal(PdpCallKind.Evaluation, call.Kind);
        AssertJson("""{"type":"identity","id":"alice"}""", call.Request["subject"]);
        AssertJson("""{"name":"tools/call"}""", call.Request["action"]);
        AssertJson("""{"type":"tool","id":"read_file"}""", call.Request["resource"]);
        Assert.Equal(Agent, call.Request["context"]!["agent"]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultMapping_ServerWideMethodWithAnAudienceList_ResourceIdIsThisServersIdentifier()
    {
        var token = gateway.Token(audience: new JsonArray("https://elsewhere.example.test/mcp", Resource));

        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""", token);

        McpAssert.Result(reply.Single, "1");
        var call = Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        AssertJson($$"""{"type":"mcp_server","id":"{{Resource}}"}""", call.Request["resource"]);
        AssertJson("""{"name":"initialize"}""", call.Request["action"]);
        Assert.Equal("2025-06-18", call.Request["context"]!["protocol_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultMapping_ServerWideMethodDeniedByPolicy_Minus32001()
    {
        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", gateway.Token("banned"));

        McpAssert.Error(reply.Single, Denied, "1");
        Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task DeclaredMapping_OmittingSubjectAndContext_GetsTheTokensSubjectAsIdentityAndTheAgent()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("read_document", """{"path":"/doc"}"""));

        McpAssert.Result(reply.Single, "1");
        var call = Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        AssertJson("""{"type":"identity","id":"alice"}""", call.Request["subject"]);
        AssertJson("""{"type":"document","id":"/doc"}""", call.Request["resource"]);
        Assert.Equal(Agent, call.Request["context"]!["agent"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeclaredMapping_OmittingTheSubject_DecidesForTheCallerNotForAnyoneElse()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("read_document", """{"path":"/doc"}"""), gateway.Token("bob"));

        McpAssert.Error(reply.Single, Denied, "1");
        Assert.Equal("bob", Assert.Single(gateway.Pdp.CallsFor(reply.RequestId)).Request["subject"]!["id"]!.GetValue<string>());
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData(10, "small_transfer", true)]
    [InlineData(5000, "large_transfer", false)]
    public async Task DeclaredMapping_CelConditional_EvaluatedAndDecided(int amount, string action, bool allowed)
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("transfer", $$"""{"from":"acc-1","amount":{{amount}}}"""));

        var call = Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        AssertJson($$"""{"name":"{{action}}"}""", call.Request["action"]);
        AssertJson("""{"type":"account","id":"acc-1"}""", call.Request["resource"]);
        if (allowed)
        {
            McpAssert.Result(reply.Single, "1");
            McpAssert.ForwardedOnce(gateway, reply);
        }
        else
        {
            McpAssert.Error(reply.Single, Denied, "1");
            McpAssert.NotForwarded(gateway, reply);
        }
    }

    [Fact]
    public async Task EvaluationsEnvelope_EveryDecisionPermits_OneAccessEvaluationsCall_Forwarded()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("copy_object", """{"source":"/reports/q1.pdf","destination":"/archive/q1.pdf"}"""));

        McpAssert.Result(reply.Single, "1");
        var call = Assert.Single(gateway.Pdp.CallsFor(reply.RequestId));
        Assert.Equal(PdpCallKind.Evaluations, call.Kind);
        AssertJson("""{"type":"identity","id":"alice"}""", call.Request["subject"]);
        Assert.Equal(2, call.Request["evaluations"]!.AsArray().Count);
        McpAssert.ForwardedOnce(gateway, reply);
    }

    [Fact]
    public async Task EvaluationsEnvelope_OneDecisionDenies_Minus32001_NotForwarded()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("copy_object", """{"source":"/reports/q1.pdf","destination":"/public/q1.pdf"}"""));

        McpAssert.Error(reply.Single, Denied, "1");
        Assert.Equal(PdpCallKind.Evaluations, Assert.Single(gateway.Pdp.CallsFor(reply.RequestId)).Kind);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Theory]
    [InlineData("two_envelopes")]
    [InlineData("search_envelope")]
    [InlineData("empty_mapping")]
    public async Task MalformedEnvelope_NotExactlyOneKnownEnvelope_MappingError_Unasked(string tool)
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall(tool, idJson: "31"));

        Assert.StartsWith("COAZ mapping error", McpAssert.Error(reply.Single, InvalidParams, "31"), StringComparison.Ordinal);
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task MappingError_ExpressionOnAMissingArgument_Minus32602DescribingIt_Unasked()
    {
        await gateway.ListToolsAsync();

        var reply = await gateway.PostAsync(MainPath, ToolsCall("needs_region", """{"path":"/a"}""", idJson: "456"));

        var message = McpAssert.Error(reply.Single, InvalidParams, "456");
        Assert.StartsWith("COAZ mapping error", message, StringComparison.Ordinal);
        Assert.Contains("region", message, StringComparison.Ordinal);
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    [Fact]
    public async Task MappingError_DefaultToolsCallWithoutAName_Minus32602_Unasked()
    {
        var reply = await gateway.PostAsync(MainPath, """{"jsonrpc":"2.0","id":457,"method":"tools/call","params":{"arguments":{}}}""");

        McpAssert.Error(reply.Single, InvalidParams, "457");
        McpAssert.PdpNotAsked(gateway, reply);
        McpAssert.NotForwarded(gateway, reply);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString() ?? "nothing"}");
}
