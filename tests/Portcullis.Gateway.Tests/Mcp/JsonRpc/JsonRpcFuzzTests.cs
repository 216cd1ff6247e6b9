using System.Text;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Gateway.Tests.Mcp.JsonRpc;

public sealed class JsonRpcFuzzTests
{
    private static readonly string[] ValidMessages =
    [
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_weather","arguments":{"city":"Oslo","days":[1,2,3]},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""",
        """[{"jsonrpc":"2.0","id":"a","method":"tools/list"},{"jsonrpc":"2.0","method":"notifications/initialized"}]""",
        """{"jsonrpc":"2.0","id":3,"result":{"tools":[{"name":"t","inputSchema":{"type":"object"}}]}}""",
        """{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}""",
        """{"jsonrpc":"2.0","id":"\ud800","method":"p\u00e9ng"}""",
    ];

    [Fact]
    public void Random_truncations_and_mutations_never_throw()
    {
        var random = new Random(20261202);
        var alphabet = Encoding.UTF8.GetBytes("{}[]\":,0123456789-.eE \\nulltruefalse\u00e9\ud55c");
        foreach (var text in ValidMessages)
        {
            var valid = Encoding.UTF8.GetBytes(text);
            for (var cut = 0; cut <= valid.Length; cut++)
            {
                AssertReadable(valid.AsMemory(0, cut));
            }

            for (var round = 0; round < 3000; round++)
            {
                var mutated = (byte[])valid.Clone();
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    var at = random.Next(mutated.Length);
                    mutated[at] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
                }
                AssertReadable(mutated);
            }
        }
    }

    private static readonly HeaderDictionary Headers = new()
    {
        ["MCP-Protocol-Version"] = "2026-07-28",
        ["Mcp-Method"] = "tools/call",
        ["Mcp-Name"] = "=?base64?Z2V0X3dlYXRoZXI=?=",
    };

    [Fact]
    public async Task Random_event_streams_are_copied_without_throwing()
    {
        var random = new Random(5);
        var pieces = new[] { "data: ", "event: message", "\r\n", "\n", "\r", ": c", "id: 1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", "[", "]", "\"", "\ud800", "data:{\"id\":1" };
        for (var round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var pipe = new Pipe();
            await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));
            await pipe.Writer.CompleteAsync();
            var output = new MemoryStream();
            var outcome = await SseStreamRewriter.RewriteAsync(pipe.Reader, output, _ => true,
                (_, _) => ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.UTF8.GetBytes("{}")), 4096, CancellationToken.None);
            Assert.NotEqual(SseRewriteOutcome.EventTooLarge, outcome);
        }
    }

    private static void AssertReadable(ReadOnlyMemory<byte> bytes)
    {
        using var body = JsonRpcBodyReader.Parse(bytes);
        if (body.Status != JsonRpcBodyStatus.Messages)
        {
            Assert.NotNull(body.Error);
            return;
        }

        _ = McpHeaderAgreement.Check(Headers, body, McpProtocolVersion.Parse(Headers[McpProtocolVersion.HeaderName]));
        foreach (var message in body.Messages)
        {
            // Whatever it is, it can be answered: invalid messages carry an error, the others what the stage reads.
            if (message.Kind == JsonRpcMessageKind.Invalid)
            {
                Assert.NotNull(JsonRpcErrorWriter.ToJson(message.Error!));
            }
            else
            {
                _ = JsonRpcMethodName.IsWellFormed(message.Method);
                _ = message.GetStringParam("name");
                Assert.NotNull(message.Id?.RawJson ?? "notification");
            }
        }
    }
}
