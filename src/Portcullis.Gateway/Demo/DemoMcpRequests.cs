using System.Globalization;

namespace Portcullis.Gateway.Demo;

/// <summary>The MCP requests of the demo's banner (Streamable HTTP, one JSON-RPC request per POST, no session needed
/// because the demo's MCP server is stateless): their bodies and the curl lines that send them.</summary>
/// <remarks>See <see href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">MCP
/// 2025-11-25, Streamable HTTP</see>: a POST must accept both <c>application/json</c> and <c>text/event-stream</c>, and
/// carries the negotiated <c>MCP-Protocol-Version</c>.</remarks>
public static class DemoMcpRequests
{
    /// <summary>The MCP revision the requests speak.</summary>
    public const string ProtocolVersion = "2025-11-25";

    /// <summary>The <c>Accept</c> header every Streamable HTTP POST carries.</summary>
    public const string Accept = "application/json, text/event-stream";

    /// <summary>Returns a <c>tools/list</c> request with <paramref name="id"/>.</summary>
    public static string ToolsList(int id) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/list"}""");

    /// <summary>Returns a <c>tools/call</c> request with <paramref name="id"/> of <paramref name="tool"/> for the expense
    /// <paramref name="expenseId"/> (names and ids of the demo, which need no JSON escaping).</summary>
    public static string CallTool(int id, string tool, string expenseId) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{"name":"{{tool}}","arguments":{"id":"{{expenseId}}"}""") + "}}";

    /// <summary>Returns the curl command that POSTs <paramref name="body"/> to <paramref name="endpoint"/> with
    /// <paramref name="token"/> and the Streamable HTTP headers, showing the response headers too.</summary>
    public static string Curl(Uri endpoint, string token, string body)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return $"curl -si {endpoint.AbsoluteUri} -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' " +
            $"-H 'Accept: {Accept}' -H 'MCP-Protocol-Version: {ProtocolVersion}' -d '{body}'";
    }
}
