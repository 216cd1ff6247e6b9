using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Benchmarks;

/// <summary>
/// Reading a typical MCP <c>tools/call</c> POST body (about 400 bytes): the capped read from the request stream, the
/// parse and classification, and the 2026-07-28 header/body agreement check. This runs once per MCP request before
/// the decision; the target is a few microseconds and one body's worth of allocation plus the document.
/// </summary>
[MemoryDiagnoser]
public class McpBodyBenchmarks
{
    private static readonly byte[] ToolsCall = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"approve_expense","arguments":{"expenseId":"exp-2026-0042","comment":"within policy, receipts attached","amount":{"value":1249.5,"currency":"EUR"}},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"ExampleClient","version":"1.0.0"},"io.modelcontextprotocol/clientCapabilities":{},"progressToken":"p-42"}}}""");

    private readonly HeaderDictionary _headers = new()
    {
        ["MCP-Protocol-Version"] = "2026-07-28",
        ["Mcp-Method"] = "tools/call",
        ["Mcp-Name"] = "approve_expense",
    };

    [Benchmark]
    public async Task<int> ReadToolsCall()
    {
        using var body = await JsonRpcBodyReader.ReadAsync(new MemoryStream(ToolsCall, writable: false), ToolsCall.Length,
            1024 * 1024, CancellationToken.None);
        return body.Messages.Count;
    }

    [Benchmark]
    public bool ReadAndCheckHeaders()
    {
        using var body = JsonRpcBodyReader.Parse(ToolsCall);
        var version = McpProtocolVersion.Parse(_headers[McpProtocolVersion.HeaderName]);
        return McpHeaderAgreement.Check(_headers, body, version) is null;
    }
}
