using System.Text.Json.Nodes;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>The assertions the MCP stage's gateway tests make about what the client, the PDP and the upstream saw.</summary>
internal static class McpAssert
{
    /// <summary>Asserts <paramref name="message"/> is a JSON-RPC 2.0 error with <paramref name="code"/> answering the id
    /// <paramref name="idJson"/> (JSON text: <c>7</c>, <c>"seven"</c>, <c>null</c>); returns its message.</summary>
    public static string Error(JsonObject message, int code, string idJson)
    {
        Assert.Equal("2.0", message["jsonrpc"]?.GetValue<string>());
        AssertId(message, idJson);
        Assert.False(message.ContainsKey("result"), message.ToJsonString());
        var error = Assert.IsType<JsonObject>(message["error"]);
        Assert.Equal(code, error["code"]!.GetValue<int>());
        return error["message"]!.GetValue<string>();
    }

    /// <summary>Asserts <paramref name="message"/> is the server's result for <paramref name="idJson"/>; returns it.</summary>
    public static JsonObject Result(JsonObject message, string idJson)
    {
        AssertId(message, idJson);
        Assert.False(message.ContainsKey("error"), message.ToJsonString());
        return Assert.IsType<JsonObject>(message["result"]);
    }

    /// <summary>Asserts the upstream received nothing for <paramref name="reply"/>'s request.</summary>
    public static void NotForwarded(McpStageGatewayFixture gateway, McpReply reply) =>
        Assert.Empty(gateway.Upstream.ReceivedWith(reply.RequestId));

    /// <summary>Asserts the upstream received <paramref name="reply"/>'s request exactly once; returns what it got.</summary>
    public static McpUpstreamRequest ForwardedOnce(McpStageGatewayFixture gateway, McpReply reply) =>
        Assert.Single(gateway.Upstream.ReceivedWith(reply.RequestId));

    /// <summary>Asserts the embedded PDP was not asked anything for <paramref name="reply"/>'s request.</summary>
    public static void PdpNotAsked(McpStageGatewayFixture gateway, McpReply reply) =>
        Assert.Empty(gateway.Pdp.CallsFor(reply.RequestId));

    /// <summary>Returns the names of the tools in a <c>tools/list</c> result message.</summary>
    public static List<string> ToolNames(JsonObject message) =>
        [.. Result(message, McpReply.IdOf(message))["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>())];

    /// <summary>Asserts the id of <paramref name="message"/> is the JSON value <paramref name="idJson"/> (same type, same value).</summary>
    private static void AssertId(JsonObject message, string idJson)
    {
        var id = McpReply.IdOf(message);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(idJson), message["id"]), $"expected the id {idJson}, got {id}");
    }
}
