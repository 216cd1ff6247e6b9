using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Gateway.Tests.Mcp.Transport;

public sealed class McpHeaderAgreementTests
{
    private const string Call = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_weather","_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""";

    private static McpHeaderMismatch? Check(string json, params (string Name, StringValues Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }
        using var body = JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(json));
        return McpHeaderAgreement.Check(dictionary, body, McpProtocolVersion.Parse(dictionary[McpProtocolVersion.HeaderName]));
    }

    private static (string, StringValues) V2026 => ("MCP-Protocol-Version", "2026-07-28");

    [Fact]
    public void Agreeing_headers_pass() =>
        Assert.Null(Check(Call, V2026, ("Mcp-Method", "tools/call"), ("Mcp-Name", "get_weather")));

    [Fact]
    public void Header_names_are_case_insensitive() =>
        Assert.Null(Check(Call, ("mcp-protocol-version", "2026-07-28"), ("MCP-METHOD", "tools/call"), ("mcp-name", "get_weather")));

    [Fact]
    public void A_different_method_is_a_header_mismatch_with_the_request_id()
    {
        var mismatch = Check(Call, V2026, ("Mcp-Method", "tools/list"), ("Mcp-Name", "get_weather"));
        Assert.Equal("Mcp-Method", mismatch!.Header);
        Assert.Equal(JsonRpcErrorCodes.HeaderMismatch, mismatch.Error.Code);
        Assert.Equal("1", mismatch.Error.Id.RawJson);
        Assert.DoesNotContain("tools/list", mismatch.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_values_are_case_sensitive() =>
        Assert.Equal("Mcp-Method", Check(Call, V2026, ("Mcp-Method", "Tools/Call"), ("Mcp-Name", "get_weather"))!.Header);

    [Fact]
    public void A_different_tool_name_is_a_mismatch() =>
        Assert.Equal("Mcp-Name", Check(Call, V2026, ("Mcp-Method", "tools/call"), ("Mcp-Name", "delete_everything"))!.Header);

    [Fact]
    public void A_tool_name_differing_only_in_case_is_a_mismatch() =>
        Assert.Equal("Mcp-Name", Check(Call, V2026, ("Mcp-Method", "tools/call"), ("Mcp-Name", "Get_Weather"))!.Header);

    [Fact]
    public void A_base64_name_is_decoded_before_comparing()
    {
        var json = """{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"Hello, 世界","_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""";
        Assert.Null(Check(json, V2026, ("Mcp-Method", "prompts/get"), ("Mcp-Name", "=?base64?SGVsbG8sIOS4lueVjA==?=")));
        Assert.Equal("Mcp-Name", Check(json, V2026, ("Mcp-Method", "prompts/get"), ("Mcp-Name", "=?base64?!!!?="))!.Header);
    }

    [Fact]
    public void Resources_read_compares_the_uri()
    {
        var json = """{"jsonrpc":"2.0","id":"r","method":"resources/read","params":{"uri":"file:///a.json","_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""";
        Assert.Null(Check(json, V2026, ("Mcp-Method", "resources/read"), ("Mcp-Name", "file:///a.json")));
        var mismatch = Check(json, V2026, ("Mcp-Method", "resources/read"), ("Mcp-Name", "file:///etc/passwd"));
        Assert.Equal("\"r\"", mismatch!.Error.Id.RawJson);
    }

    [Theory]
    [InlineData("Mcp-Method")]
    [InlineData("Mcp-Name")]
    public void Required_headers_missing_in_2026_07_28_are_a_mismatch(string missing)
    {
        var headers = new List<(string, StringValues)> { V2026, ("Mcp-Method", "tools/call"), ("Mcp-Name", "get_weather") };
        headers.RemoveAll(h => h.Item1 == missing);
        Assert.Equal(missing, Check(Call, [.. headers])!.Header);
    }

    [Fact]
    public void Older_revisions_need_no_metadata_headers_but_present_ones_must_agree()
    {
        const string Old = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_weather"}}""";
        Assert.Null(Check(Old, ("MCP-Protocol-Version", "2025-06-18")));
        var mismatch = Check(Old, ("MCP-Protocol-Version", "2025-06-18"), ("Mcp-Method", "tools/list"));
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, mismatch!.Error.Code);
    }

    [Fact]
    public void The_protocol_version_header_must_match_the_body()
    {
        Assert.Equal("MCP-Protocol-Version",
            Check(Call, ("MCP-Protocol-Version", "2025-11-25"), ("Mcp-Method", "tools/call"), ("Mcp-Name", "get_weather"))!.Header);
        Assert.Equal("MCP-Protocol-Version", Check(Call, ("Mcp-Method", "tools/call"), ("Mcp-Name", "get_weather"))!.Header);
    }

    [Fact]
    public void A_2026_07_28_request_without_the_body_version_is_a_mismatch()
    {
        const string NoMeta = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";
        Assert.Equal("MCP-Protocol-Version", Check(NoMeta, V2026, ("Mcp-Method", "tools/list"))!.Header);
    }

    [Fact]
    public void Repeated_or_non_ascii_headers_are_malformed()
    {
        Assert.Equal("Mcp-Method", Check(Call, V2026, ("Mcp-Method", new StringValues(["tools/call", "tools/call"])), ("Mcp-Name", "get_weather"))!.Header);
        Assert.Equal("Mcp-Name", Check(Call, V2026, ("Mcp-Method", "tools/call"), ("Mcp-Name", "get_w\u0435ather"))!.Header);
    }

    [Fact]
    public void A_batch_cannot_carry_method_headers()
    {
        const string Batch = """[{"jsonrpc":"2.0","id":1,"method":"tools/list"}]""";
        Assert.Null(Check(Batch, ("MCP-Protocol-Version", "2025-03-26")));
        Assert.Equal("Mcp-Method", Check(Batch, ("MCP-Protocol-Version", "2025-03-26"), ("Mcp-Method", "tools/list"))!.Header);
    }
}
