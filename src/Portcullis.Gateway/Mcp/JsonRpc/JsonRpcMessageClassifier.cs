using System.Text.Json;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>
/// Classifies one JSON value as a JSON-RPC 2.0 request, notification or response, or as invalid with the -32600
/// error to answer (JSON-RPC 2.0 sections 4–5; MCP basic/index "Messages": ids are strings or integers, never null
/// in a request). The returned message references the classified element's document (see
/// <see cref="JsonRpcMessage"/> for the lifetime).
/// </summary>
internal static class JsonRpcMessageClassifier
{
    /// <summary>Classifies <paramref name="element"/>.</summary>
    public static JsonRpcMessage Classify(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Invalid(element, JsonRpcId.Null, "a JSON-RPC message must be an object");
        }

        var hasId = element.TryGetProperty("id", out var idElement);
        var idReadable = JsonRpcId.TryRead(idElement, out var id);
        var echoedId = hasId && idReadable ? id : JsonRpcId.Null;

        if (!element.TryGetProperty("jsonrpc", out var version) ||
            version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"u8))
        {
            return Invalid(element, echoedId, "\"jsonrpc\" must be \"2.0\"");
        }

        if (hasId && !idReadable)
        {
            return Invalid(element, JsonRpcId.Null, "\"id\" must be a string or an integer");
        }

        var hasResult = element.TryGetProperty("result", out var result);
        var hasError = element.TryGetProperty("error", out var error);
        if (element.TryGetProperty("method", out var method))
        {
            return ClassifyCall(element, method, hasId ? id : null, hasResult || hasError);
        }

        if (hasResult || hasError)
        {
            return ClassifyResponse(element, hasId ? id : null, hasResult ? result : null, hasError ? error : null);
        }

        return Invalid(element, echoedId, "a JSON-RPC message needs \"method\", \"result\" or \"error\"");
    }

    private static JsonRpcMessage ClassifyCall(JsonElement element, JsonElement method, JsonRpcId? id, bool alsoResponse)
    {
        var echoedId = id ?? JsonRpcId.Null;
        if (!JsonRpcStrings.TryGet(method, out var methodName))
        {
            return Invalid(element, echoedId, "\"method\" must be a string");
        }

        if (alsoResponse)
        {
            return Invalid(element, echoedId, "a request cannot carry \"result\" or \"error\"");
        }

        if (id is { Kind: JsonRpcIdKind.Null })
        {
            return Invalid(element, JsonRpcId.Null, "a request's \"id\" must not be null");
        }

        JsonElement? parameters = null;
        if (element.TryGetProperty("params", out var p))
        {
            if (p.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Invalid(element, echoedId, "\"params\" must be an object or an array");
            }
            parameters = p;
        }

        return new JsonRpcMessage
        {
            Kind = id is null ? JsonRpcMessageKind.Notification : JsonRpcMessageKind.Request,
            Id = id,
            Method = methodName,
            Params = parameters,
            Element = element,
        };
    }

    private static JsonRpcMessage ClassifyResponse(JsonElement element, JsonRpcId? id, JsonElement? result, JsonElement? error)
    {
        var echoedId = id ?? JsonRpcId.Null;
        if (id is null)
        {
            return Invalid(element, JsonRpcId.Null, "a response needs an \"id\"");
        }

        if (result is not null && error is not null)
        {
            return Invalid(element, echoedId, "a response carries \"result\" or \"error\", not both");
        }

        if (error is { } e && !IsErrorObject(e))
        {
            return Invalid(element, echoedId, "\"error\" must be an object with an integer \"code\" and a string \"message\"");
        }

        if (result is not null && id.Kind == JsonRpcIdKind.Null)
        {
            return Invalid(element, JsonRpcId.Null, "a result's \"id\" must not be null");
        }

        return new JsonRpcMessage
        {
            Kind = JsonRpcMessageKind.Response,
            Id = id,
            Result = result,
            ErrorObject = error,
            Element = element,
        };
    }

    private static bool IsErrorObject(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object &&
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out _) &&
        error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String;

    private static JsonRpcMessage Invalid(JsonElement element, JsonRpcId id, string reason) => new()
    {
        Kind = JsonRpcMessageKind.Invalid,
        Id = id,
        Element = element,
        Error = new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: " + reason, id),
    };
}
