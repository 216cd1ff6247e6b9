using System.Text;
using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Tests.Mcp.JsonRpc;

public sealed class JsonRpcBodyReaderTests
{
    private static JsonRpcBody Parse(string json) => JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(json));

    private static JsonRpcMessage Single(string json)
    {
        var body = Parse(json);
        Assert.Equal(JsonRpcBodyStatus.Messages, body.Status);
        Assert.False(body.IsBatch);
        return Assert.Single(body.Messages);
    }

    [Fact]
    public void A_request_keeps_its_method_id_and_params()
    {
        using var body = Parse("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_weather","arguments":{"city":"Oslo"}}}""");
        var message = Assert.Single(body.Messages);
        Assert.Equal(JsonRpcMessageKind.Request, message.Kind);
        Assert.Equal("tools/call", message.Method);
        Assert.Equal("7", message.Id!.RawJson);
        Assert.Equal(JsonRpcIdKind.Number, message.Id.Kind);
        Assert.Equal("get_weather", message.GetStringParam("name"));
        Assert.Equal("Oslo", message.Params!.Value.GetProperty("arguments").GetProperty("city").GetString());
    }

    [Fact]
    public void A_message_without_id_is_a_notification()
    {
        var message = Single("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        Assert.Equal(JsonRpcMessageKind.Notification, message.Kind);
        Assert.Null(message.Id);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"a","result":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}""")]
    public void Results_and_errors_are_responses(string json) =>
        Assert.Equal(JsonRpcMessageKind.Response, Single(json).Kind);

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping",}""")]
    [InlineData("""{"jsonrpc":"2.0",/*c*/"id":1,"method":"ping"}""")]
    [InlineData("""{'jsonrpc':'2.0'}""")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call"}""")]
    public void Malformed_truncated_or_ambiguous_json_is_a_parse_error_with_id_null(string json)
    {
        using var body = Parse(json);
        Assert.Equal(JsonRpcBodyStatus.ParseError, body.Status);
        Assert.Equal(JsonRpcErrorCodes.ParseError, body.Error!.Code);
        Assert.Same(JsonRpcId.Null, body.Error.Id);
        Assert.Empty(body.Messages);
    }

    [Fact]
    public void Invalid_utf8_is_a_parse_error()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"pXng"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3;
        using var body = JsonRpcBodyReader.Parse(bytes);
        Assert.Equal(JsonRpcBodyStatus.ParseError, body.Status);
    }

    [Fact]
    public void Params_ten_thousand_levels_deep_is_a_clean_parse_error()
    {
        var json = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":""" + new string('[', 10_000) + new string(']', 10_000) + "}";
        using var body = Parse(json);
        Assert.Equal(JsonRpcBodyStatus.ParseError, body.Status);
        Assert.Contains("64", body.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Params_at_the_depth_limit_is_read()
    {
        // The message object is level 1, params level 2: 62 more nested arrays reach 64.
        var json = """{"jsonrpc":"2.0","id":1,"method":"x","params":""" + new string('[', 63) + new string(']', 63) + "}";
        Assert.Equal(JsonRpcMessageKind.Request, Single(json).Kind);
    }

    [Theory]
    [InlineData("""{"id":5,"method":"ping"}""", "5")]
    [InlineData("""{"jsonrpc":"1.0","id":"x","method":"ping"}""", "\"x\"")]
    [InlineData("""{"jsonrpc":2.0,"id":5,"method":"ping"}""", "5")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":42}""", "5")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":null}""", "5")]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":[1],"method":"ping"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":true,"method":"ping"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"ping"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":9,"method":"ping","params":"x"}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","id":9,"method":"ping","result":{}}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","id":9}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","id":9,"result":1,"error":{"code":1,"message":"m"}}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","id":9,"error":"bad"}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","result":{}}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"result":{}}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":"\ud800","method":"ping"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":4,"method":"\udc00"}""", "4")]
    [InlineData("42", "null")]
    [InlineData("\"tools/call\"", "null")]
    public void An_invalid_message_gets_invalid_request_with_the_id_when_it_could_be_read(string json, string expectedId)
    {
        var message = Single(json);
        Assert.Equal(JsonRpcMessageKind.Invalid, message.Kind);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, message.Error!.Code);
        Assert.Equal(expectedId, message.Error.Id.RawJson);
    }

    [Fact]
    public void A_string_id_is_echoed_exactly_as_received()
    {
        var message = Single("""{"jsonrpc":"2.0","id":"a\u0062","method":"ping"}""");
        Assert.Equal("\"a\\u0062\"", message.Id!.RawJson);
        Assert.Equal("ab", message.Id.Value);
        Assert.Equal(JsonRpcId.FromString("ab"), message.Id);
    }

    [Fact]
    public void An_empty_batch_is_one_invalid_request_with_id_null()
    {
        using var body = Parse("[]");
        Assert.Equal(JsonRpcBodyStatus.EmptyBatch, body.Status);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, body.Error!.Code);
        Assert.Same(JsonRpcId.Null, body.Error.Id);
    }

    [Fact]
    public void A_batch_classifies_each_element()
    {
        using var body = Parse("""[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","method":"notifications/x"},1,{"jsonrpc":"2.0","id":"r","result":{}}]""");
        Assert.True(body.IsBatch);
        Assert.Equal(
            [JsonRpcMessageKind.Request, JsonRpcMessageKind.Notification, JsonRpcMessageKind.Invalid, JsonRpcMessageKind.Response],
            body.Messages.Select(m => m.Kind));
    }

    [Fact]
    public async Task A_body_within_the_limit_is_read_and_kept_for_forwarding()
    {
        var json = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"ping"}""");
        using var body = await JsonRpcBodyReader.ReadAsync(new TrickleStream(json, 3), contentLength: null, json.Length, CancellationToken.None);
        Assert.Equal(JsonRpcBodyStatus.Messages, body.Status);
        Assert.Equal(json, body.Bytes.ToArray());
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_refused_without_parsing()
    {
        var json = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"ping"}""");
        using var body = await JsonRpcBodyReader.ReadAsync(new MemoryStream(json), contentLength: null, json.Length - 1, CancellationToken.None);
        Assert.Equal(JsonRpcBodyStatus.TooLarge, body.Status);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, body.Error!.Code);
        Assert.Same(JsonRpcId.Null, body.Error.Id);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var stream = new TrickleStream(new byte[10], 10);
        using var body = await JsonRpcBodyReader.ReadAsync(stream, contentLength: 50L * 1024 * 1024, 1024 * 1024, CancellationToken.None);
        Assert.Equal(JsonRpcBodyStatus.TooLarge, body.Status);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task A_50_MB_body_without_length_stops_being_read_just_past_the_limit()
    {
        var stream = new EndlessStream((byte)'[');
        const int Limit = 1024 * 1024;
        using var body = await JsonRpcBodyReader.ReadAsync(stream, contentLength: null, Limit, CancellationToken.None);
        Assert.Equal(JsonRpcBodyStatus.TooLarge, body.Status);
        Assert.Equal(Limit + 1, stream.BytesRead);
    }

    /// <summary>A stream handing out its bytes a few at a time.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
            BytesRead += read;
            return read;
        }
    }

    /// <summary>A body that never ends (a 50 MB upload as far as the reader can tell).</summary>
    private sealed class EndlessStream(byte fill) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(fill);
            BytesRead += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
