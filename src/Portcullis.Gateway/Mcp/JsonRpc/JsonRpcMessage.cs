using System.Text.Json;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>
/// One classified JSON-RPC message. The <see cref="JsonElement"/> members (<see cref="Params"/>, <see cref="Result"/>,
/// <see cref="ErrorObject"/>, <see cref="Element"/>) point into the <see cref="JsonRpcBody"/>'s document and are valid
/// only until that body is disposed: clone one (<see cref="JsonElement.Clone"/>) to keep it longer. <see cref="Id"/>,
/// <see cref="Method"/> and <see cref="Error"/> are self-contained.
/// </summary>
internal sealed class JsonRpcMessage
{
    /// <summary>Gets what the message is.</summary>
    public required JsonRpcMessageKind Kind { get; init; }

    /// <summary>Gets the id as received: set for requests and responses, and for an invalid message whose id could be
    /// read; null for notifications.</summary>
    public JsonRpcId? Id { get; init; }

    /// <summary>Gets the method of a request or notification, exactly as sent (see
    /// <see cref="JsonRpcMethodName.IsWellFormed"/> before treating it as a known method).</summary>
    public string? Method { get; init; }

    /// <summary>Gets <c>params</c> (an object or an array) when present.</summary>
    public JsonElement? Params { get; init; }

    /// <summary>Gets a response's <c>result</c>.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>Gets a response's <c>error</c> object.</summary>
    public JsonElement? ErrorObject { get; init; }

    /// <summary>Gets the whole message object (any JSON value when <see cref="Kind"/> is Invalid).</summary>
    public required JsonElement Element { get; init; }

    /// <summary>Gets the -32600 error to answer an invalid message with (its id when it could be read), or null.</summary>
    public JsonRpcError? Error { get; init; }

    /// <summary>Returns the string member <paramref name="name"/> of <see cref="Params"/> (such as <c>name</c> of
    /// <c>tools/call</c> or <c>uri</c> of <c>resources/read</c>), or null when params is not an object or the member is
    /// missing or not a string.</summary>
    public string? GetStringParam(string name) =>
        Params is { ValueKind: JsonValueKind.Object } p &&
        p.TryGetProperty(name, out var value) &&
        JsonRpcStrings.TryGet(value, out var text)
            ? text
            : null;
}
