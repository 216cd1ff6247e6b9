using Microsoft.AspNetCore.Http;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// What each revision's Streamable HTTP transport allows on the MCP endpoint. Sources: 2025-03-26, 2025-06-18 and
/// 2025-11-25 basic/transports "Sending Messages to the Server", "Listening for Messages from the Server" (GET opens
/// an SSE stream) and "Session Management" (DELETE ends a session); 2025-06-18 changelog item 1 (batching removed);
/// 2026-07-28 basic/transports/streamable-http "Sending Messages" (POST only; a single request or notification; the
/// client MUST NOT send responses) and "Backward Compatibility" (GET and DELETE: 405 Method Not Allowed).
/// The MCP stage calls <see cref="IsHttpMethodAllowed"/> first and answers 405 with an <c>Allow</c> header of
/// <see cref="AllowHeader"/> otherwise; every allowed method, GET and DELETE included, is still authorized.
/// </summary>
internal static class McpRevisionRules
{
    /// <summary>Returns whether <paramref name="httpMethod"/> may reach the MCP endpoint under <paramref name="revision"/>.</summary>
    public static bool IsHttpMethodAllowed(string httpMethod, McpRevision revision) =>
        HttpMethods.IsPost(httpMethod) ||
        (revision < McpRevision.V2026_07_28 && (HttpMethods.IsGet(httpMethod) || HttpMethods.IsDelete(httpMethod)));

    /// <summary>Returns the <c>Allow</c> header value for a 405 under <paramref name="revision"/>.</summary>
    public static string AllowHeader(McpRevision revision) =>
        revision < McpRevision.V2026_07_28 ? "GET, POST, DELETE" : "POST";

    /// <summary>Returns whether a POST body may be a JSON-RPC batch (array): only in 2025-03-26.</summary>
    public static bool AllowsBatches(McpRevision revision) => revision == McpRevision.V2025_03_26;

    /// <summary>Returns whether a client may POST a JSON-RPC response (answering a server request): before 2026-07-28.</summary>
    public static bool AllowsClientResponses(McpRevision revision) => revision < McpRevision.V2026_07_28;

    /// <summary>Returns whether requests must carry <c>Mcp-Method</c> (and <c>Mcp-Name</c> where defined): 2026-07-28 on.</summary>
    public static bool RequiresRequestMetadata(McpRevision revision) => revision >= McpRevision.V2026_07_28;
}
