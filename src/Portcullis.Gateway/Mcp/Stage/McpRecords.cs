using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>Turns a message and its verdict into its decision-record entry and, when refused, its JSON-RPC error.</summary>
internal static class McpRecords
{
    private const int MaxArgumentsLength = 4096;

    /// <summary>Returns the record entry of <paramref name="message"/>; arguments only when <paramref name="logArguments"/>.</summary>
    public static McpMessageRecord Of(JsonRpcMessage message, McpVerdict verdict, bool logArguments) => new()
    {
        Kind = message.Kind switch
        {
            JsonRpcMessageKind.Request => "request",
            JsonRpcMessageKind.Notification => "notification",
            JsonRpcMessageKind.Response => "response",
            _ => "invalid",
        },
        Method = message.Kind == JsonRpcMessageKind.Invalid ? null : message.Method,
        Id = message.Id?.RawJson,
        Name = message.Method switch
        {
            "tools/call" or "prompts/get" => message.GetStringParam("name"),
            "resources/read" or "resources/subscribe" or "resources/unsubscribe" => message.GetStringParam("uri"),
            _ => null,
        },
        Arguments = logArguments && message.Method == "tools/call" ? Arguments(message) : null,
        Decision = DecisionName(verdict.Kind),
        ErrorCode = verdict.Forwards ? null : CodeOf(verdict.Kind),
    };

    /// <summary>Returns the record's decision word of <paramref name="kind"/>.</summary>
    public static string DecisionName(McpVerdictKind kind) => kind switch
    {
        McpVerdictKind.Pass => "pass",
        McpVerdictKind.Allow => "allow",
        McpVerdictKind.Deny => "deny",
        McpVerdictKind.MappingError => "mapping_error",
        McpVerdictKind.Unavailable => "unavailable",
        _ => "invalid",
    };

    /// <summary>Returns the JSON-RPC error answering a refused message with id <paramref name="id"/>.</summary>
    public static JsonRpcError Error(McpVerdict verdict, JsonRpcId id) =>
        new(CodeOf(verdict.Kind), verdict.Message ?? McpMessageDecider.DeniedMessage, id);

    private static int CodeOf(McpVerdictKind kind) => kind switch
    {
        McpVerdictKind.Deny => JsonRpcErrorCodes.Denied,
        McpVerdictKind.MappingError => JsonRpcErrorCodes.InvalidParams,
        McpVerdictKind.Unavailable => JsonRpcErrorCodes.InternalError,
        _ => JsonRpcErrorCodes.InvalidRequest,
    };

    private static string? Arguments(JsonRpcMessage message)
    {
        if (message.Params is not { ValueKind: JsonValueKind.Object } parameters || !parameters.TryGetProperty("arguments", out var arguments))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(arguments));
        return text.Length <= MaxArgumentsLength ? text : text[..MaxArgumentsLength] + "…";
    }
}
