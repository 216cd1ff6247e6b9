using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// The request metadata headers must agree with the body (2026-07-28 basic/transports/streamable-http "Request
/// Metadata": "Standard Request Headers" and "Server Validation"). The MCP stage calls <see cref="Check"/> right after
/// reading the body, before anything else (authorization included): a load balancer or policy keyed on the header must
/// not see one method while the server runs another.
/// <list type="bullet">
/// <item><c>Mcp-Method</c> = <c>method</c>, exactly (values are case-sensitive); required on requests from 2026-07-28.</item>
/// <item><c>Mcp-Name</c> = <c>params.name</c> for <c>tools/call</c> and <c>prompts/get</c>, <c>params.uri</c> for
/// <c>resources/read</c>, after decoding the <c>=?base64?…?=</c> sentinel; required on those requests from 2026-07-28.
/// On other methods the revision defines no <c>Mcp-Name</c>, so it is left alone.</item>
/// <item><c>MCP-Protocol-Version</c> = <c>params._meta["io.modelcontextprotocol/protocolVersion"]</c> whenever the
/// body carries that field (required in 2026-07-28 requests, basic/index "Request Metadata").</item>
/// <item>A header present more than once, or holding characters outside visible ASCII, space and tab, is a mismatch.</item>
/// </list>
/// Headers that are present are compared under every revision (an intermediary might act on them even when the
/// revision does not define them); only the "required" rules depend on the revision. A batch cannot be mirrored, so
/// <c>Mcp-Method</c> or <c>Mcp-Name</c> on a batch is a mismatch. <c>Mcp-Param-*</c> headers need the tool's
/// <c>inputSchema</c> and are not checked here.
/// </summary>
internal static class McpHeaderAgreement
{
    /// <summary>The <c>Mcp-Method</c> header.</summary>
    public const string MethodHeader = "Mcp-Method";

    /// <summary>The <c>Mcp-Name</c> header.</summary>
    public const string NameHeader = "Mcp-Name";

    private const string ProtocolVersionMeta = "io.modelcontextprotocol/protocolVersion";

    /// <summary>Returns the first disagreement between <paramref name="headers"/> and <paramref name="body"/>, or null.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The body, with status <see cref="JsonRpcBodyStatus.Messages"/>.</param>
    /// <param name="version">The parsed <c>MCP-Protocol-Version</c> header.</param>
    public static McpHeaderMismatch? Check(IHeaderDictionary headers, JsonRpcBody body, McpProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        var revision = version.Revision;
        var methodHeader = headers[MethodHeader];
        var nameHeader = headers[NameHeader];
        if (body.IsBatch || body.Messages.Count != 1)
        {
            return methodHeader.Count > 0 ? Mismatch(MethodHeader, "a batch cannot carry it", JsonRpcId.Null, revision)
                : nameHeader.Count > 0 ? Mismatch(NameHeader, "a batch cannot carry it", JsonRpcId.Null, revision)
                : null;
        }

        var message = body.Messages[0];
        var id = message.Id ?? JsonRpcId.Null;
        if (message.Kind is not (JsonRpcMessageKind.Request or JsonRpcMessageKind.Notification))
        {
            return methodHeader.Count > 0 ? Mismatch(MethodHeader, "the body is not a request or notification", id, revision) : null;
        }

        var isRequest = message.Kind == JsonRpcMessageKind.Request;
        var required = isRequest && McpRevisionRules.RequiresRequestMetadata(revision);
        return CheckMethod(methodHeader, message.Method!, required, id, revision)
            ?? CheckName(nameHeader, message, required, id, revision)
            ?? CheckProtocolVersion(version, message, isRequest, id, revision);
    }

    private static McpHeaderMismatch? CheckMethod(StringValues header, string method, bool required, JsonRpcId id, McpRevision revision)
    {
        if (header.Count == 0)
        {
            return required ? Mismatch(MethodHeader, "the header is required", id, revision) : null;
        }

        if (header.Count > 1 || !McpHeaderValue.TryDecode(header[0]!, out _))
        {
            return Mismatch(MethodHeader, "the header is malformed", id, revision);
        }

        // Mcp-Method permits no Base64 sentinel: the raw value must equal the method.
        return string.Equals(header[0], method, StringComparison.Ordinal)
            ? null
            : Mismatch(MethodHeader, "the header does not match the body's method", id, revision);
    }

    private static McpHeaderMismatch? CheckName(StringValues header, JsonRpcMessage message, bool required, JsonRpcId id, McpRevision revision)
    {
        var member = NameMember(message.Method!);
        if (member is null)
        {
            return null;
        }

        if (header.Count == 0)
        {
            return required ? Mismatch(NameHeader, "the header is required", id, revision) : null;
        }

        if (header.Count > 1 || !McpHeaderValue.TryDecode(header[0]!, out var name))
        {
            return Mismatch(NameHeader, "the header is malformed", id, revision);
        }

        return string.Equals(name, message.GetStringParam(member), StringComparison.Ordinal)
            ? null
            : Mismatch(NameHeader, $"the header does not match the body's params.{member}", id, revision);
    }

    private static McpHeaderMismatch? CheckProtocolVersion(McpProtocolVersion version, JsonRpcMessage message, bool isRequest,
        JsonRpcId id, McpRevision revision)
    {
        string? bodyVersion = null;
        if (message.Params is { ValueKind: JsonValueKind.Object } parameters &&
            parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object &&
            meta.TryGetProperty(ProtocolVersionMeta, out var field))
        {
            if (!JsonRpcStrings.TryGet(field, out var text))
            {
                return Mismatch(McpProtocolVersion.HeaderName, $"_meta[\"{ProtocolVersionMeta}\"] is not a string", id, revision);
            }
            bodyVersion = text;
        }

        if (bodyVersion is null)
        {
            return isRequest && McpRevisionRules.RequiresRequestMetadata(revision)
                ? Mismatch(McpProtocolVersion.HeaderName, $"the body's _meta[\"{ProtocolVersionMeta}\"] is missing", id, revision)
                : null;
        }

        if (version.Status == McpProtocolVersionStatus.Absent)
        {
            return Mismatch(McpProtocolVersion.HeaderName, "the header is required when the body names a version", id, revision);
        }

        return string.Equals(version.Text, bodyVersion, StringComparison.Ordinal)
            ? null
            : Mismatch(McpProtocolVersion.HeaderName, "the header does not match the body's protocol version", id, revision);
    }

    private static string? NameMember(string method) => method switch
    {
        "tools/call" or "prompts/get" => "name",
        "resources/read" => "uri",
        _ => null,
    };

    private static McpHeaderMismatch Mismatch(string header, string reason, JsonRpcId id, McpRevision revision)
    {
        // Header values are not echoed: the message names the header only.
        var code = revision >= McpRevision.V2026_07_28 ? JsonRpcErrorCodes.HeaderMismatch : JsonRpcErrorCodes.InvalidRequest;
        return new McpHeaderMismatch(header, new JsonRpcError(code, $"Header mismatch: {header}: {reason}", id));
    }
}
