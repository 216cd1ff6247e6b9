using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Tests.Mcp.JsonRpc;

public sealed class JsonRpcErrorWriterTests
{
    public static TheoryData<string> Ids => new() { "17", "\"req-1\"", "\"a\\u0062\"", "null", "-3" };

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_id_is_echoed_exactly(string rawId)
    {
        var id = IdFrom(rawId);
        var json = Encoding.UTF8.GetString(JsonRpcErrorWriter.ToJson(new JsonRpcError(-32001, "denied", id)));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":" + rawId + ",\"error\":{\"code\":-32001,\"message\":\"denied\"}}", json);
    }

    [Fact]
    public void A_message_is_escaped()
    {
        var json = JsonRpcErrorWriter.ToJson(new JsonRpcError(-32600, "bad \"x\"\n", JsonRpcId.Null));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("bad \"x\"\n", document.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public void An_sse_event_is_a_message_event_with_one_data_line()
    {
        var text = Encoding.UTF8.GetString(JsonRpcErrorWriter.ToSseEvent(new JsonRpcError(-32001, "denied", JsonRpcId.FromNumber(4))));
        Assert.Equal("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32001,\"message\":\"denied\"}}\n\n", text);
    }

    [Fact]
    public void A_batch_answer_is_an_array_in_order()
    {
        var array = JsonRpcErrorWriter.ToJsonArray(
        [
            JsonRpcErrorWriter.ToJson(new JsonRpcError(-32001, "denied", JsonRpcId.FromNumber(1))),
            Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"b","result":{"ok":true}}"""),
        ]);
        using var document = JsonDocument.Parse(array);
        Assert.Equal(2, document.RootElement.GetArrayLength());
        Assert.Equal(1, document.RootElement[0].GetProperty("id").GetInt32());
        Assert.True(document.RootElement[1].GetProperty("result").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task The_json_answer_has_status_type_and_length()
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await JsonRpcErrorWriter.WriteJsonAsync(context.Response, 400, new JsonRpcError(-32020, "Header mismatch", JsonRpcId.FromString("q")), CancellationToken.None);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal(body.Length, context.Response.ContentLength);
        using var document = JsonDocument.Parse(body.ToArray());
        Assert.Equal("q", document.RootElement.GetProperty("id").GetString());
    }

    private static JsonRpcId IdFrom(string rawId)
    {
        using var document = JsonDocument.Parse(rawId);
        Assert.True(JsonRpcId.TryRead(document.RootElement, out var id));
        return id;
    }
}
