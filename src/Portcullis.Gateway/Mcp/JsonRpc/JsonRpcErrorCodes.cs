namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>The JSON-RPC 2.0 error codes (section 5.1) and the MCP codes the gateway answers with.</summary>
internal static class JsonRpcErrorCodes
{
    /// <summary>Invalid JSON: malformed, truncated, too deep, duplicate member names. Always answered with id null.</summary>
    public const int ParseError = -32700;

    /// <summary>Valid JSON that is not a valid JSON-RPC message (wrong <c>jsonrpc</c>, method not a string, id of a wrong type...).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The method does not exist (MCP 2026-07-28 answers it with HTTP 404).</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Invalid method parameters; COAZ-MCP uses it for a mapping error.</summary>
    public const int InvalidParams = -32602;

    /// <summary>Internal error; COAZ-MCP uses it when the PDP is unreachable or answers something invalid.</summary>
    public const int InternalError = -32603;

    /// <summary>COAZ-MCP: the PDP denied the request.</summary>
    public const int Denied = -32001;

    /// <summary>MCP 2026-07-28 <c>HeaderMismatch</c> (basic/index "Error Codes", transports/streamable-http
    /// "Server Validation"): the <c>MCP-Protocol-Version</c>, <c>Mcp-Method</c> or <c>Mcp-Name</c> header is missing,
    /// malformed or disagrees with the body. Answered with HTTP 400.</summary>
    public const int HeaderMismatch = -32020;

    /// <summary>MCP 2026-07-28 <c>UnsupportedProtocolVersion</c>: answered with HTTP 400.</summary>
    public const int UnsupportedProtocolVersion = -32022;
}
