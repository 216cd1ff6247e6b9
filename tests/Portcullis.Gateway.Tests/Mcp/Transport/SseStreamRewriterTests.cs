using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Gateway.Tests.Mcp.Transport;

public sealed class SseStreamRewriterTests
{
    private const string Replaced = """{"jsonrpc":"2.0","id":2,"result":{"tools":[]}}""";

    private static async Task<(string Output, List<string> Seen, SseRewriteOutcome Outcome, int Flushes)> RewriteAsync(
        string input, int chunk, int maxEventBytes = SseStreamRewriter.DefaultMaxEventBytes)
    {
        var pipe = new Pipe();
        var seen = new List<string>();
        var output = new FlushCountingStream();
        var rewrite = SseStreamRewriter.RewriteAsync(pipe.Reader, output, id => id.Equals(JsonRpcId.FromNumber(2)),
            (response, _) =>
            {
                seen.Add(response.Element.GetRawText());
                return ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.UTF8.GetBytes(Replaced));
            },
            maxEventBytes, CancellationToken.None);

        var bytes = Encoding.UTF8.GetBytes(input);
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            await pipe.Writer.WriteAsync(bytes.AsMemory(at, Math.Min(chunk, bytes.Length - at)));
        }
        await pipe.Writer.CompleteAsync();
        var outcome = await rewrite;
        return (Encoding.UTF8.GetString(output.ToArray()), seen, outcome, output.Flushes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Other_events_pass_byte_for_byte_and_the_target_response_is_replaced(int chunk)
    {
        var input =
            ": keep-alive\r\n\r\n" +
            "event: message\r\nid: 9\r\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\r\n\r\n" +
            "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n" +
            "id: 10\n: note\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\n data:x\ndata: \"id\":2,\"result\":{\"tools\":[{\"name\":\"secret\"}]}}\n\n";
        var (output, seen, outcome, flushes) = await RewriteAsync(input, chunk);

        Assert.Equal(SseRewriteOutcome.Completed, outcome);
        var json = Assert.Single(seen);
        Assert.Equal(2, JsonDocument.Parse(json).RootElement.GetProperty("id").GetInt32());
        var unchangedPart = input[..input.IndexOf("id: 10", StringComparison.Ordinal)];
        Assert.Equal(unchangedPart + "id: 10\n: note\nevent: message\ndata: " + Replaced + "\n data:x\n\n", output);
        Assert.True(flushes >= 4);
    }

    [Fact]
    public async Task Multi_line_data_is_joined_with_lf_before_parsing()
    {
        var (_, seen, _, _) = await RewriteAsync("data: {\"jsonrpc\":\"2.0\",\ndata: \"id\":2,\ndata: \"result\":{}}\n\n", 3);
        Assert.Single(seen);
    }

    [Fact]
    public async Task A_crlf_split_across_reads_is_one_line_ending()
    {
        var (output, seen, _, _) = await RewriteAsync("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\r\n\r\ndata: x\r\r", 1);
        Assert.Empty(seen);
        Assert.Equal("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\r\n\r\ndata: x\r\r", output);
    }

    [Fact]
    public async Task Responses_to_other_ids_notifications_and_non_json_are_not_handed_over()
    {
        var input = "data: {\"jsonrpc\":\"2.0\",\"id\":\"2\",\"result\":{}}\n\n" +
            "data: {\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"x\"}\n\n" +
            "data: not json\n\n" +
            "data: \"a string\" {\n\n" +
            "event: other\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}\n\n";
        var (output, seen, _, _) = await RewriteAsync(input, 5);
        Assert.Empty(seen);
        Assert.Equal(input, output);
    }

    [Fact]
    public async Task A_response_inside_an_array_is_replaced_in_place()
    {
        var (output, seen, _, _) = await RewriteAsync("data: [{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[1]}}]\n\n", 64);
        Assert.Single(seen);
        var data = JsonDocument.Parse(output["data: ".Length..].Trim()).RootElement;
        Assert.Equal(0, data[1].GetProperty("result").GetProperty("tools").GetArrayLength());
        Assert.Equal(1, data[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_stream_ending_inside_an_event_still_has_its_response_seen()
    {
        var (output, seen, _, _) = await RewriteAsync("data: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}\n", 4);
        Assert.Single(seen);
        Assert.Equal("data: " + Replaced + "\n\n", output);
    }

    [Fact]
    public async Task An_event_over_the_limit_stops_the_rewrite_without_writing_it()
    {
        var (output, _, outcome, _) = await RewriteAsync("data: ok\n\ndata: " + new string('a', 5000) + "\n\n", 100, maxEventBytes: 1000);
        Assert.Equal(SseRewriteOutcome.EventTooLarge, outcome);
        Assert.Equal("data: ok\n\n", output);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[]},\"result\":{\"tools\":[{\"name\":\"secret\"}]}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"deep\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}")]
    [InlineData("  [{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}},")]
    public async Task Json_that_cannot_be_read_safely_stops_the_rewrite_unwritten(string data)
    {
        var (output, seen, outcome, _) = await RewriteAsync("data: ok\n\ndata: " + data + "\n\n", 16);
        Assert.Equal(SseRewriteOutcome.EventNotInspectable, outcome);
        Assert.Empty(seen);
        Assert.Equal("data: ok\n\n", output);
    }

    private sealed class FlushCountingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return base.FlushAsync(cancellationToken);
        }
    }
}
