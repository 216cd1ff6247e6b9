using System.Text.Json;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>
/// A JSON-RPC id exactly as received: its raw JSON text (so an answer echoes <c>7</c>, <c>"7"</c> or
/// <c>"a\u0062"</c> byte for byte) and its value (the decoded string, or the integer's text) for matching a response
/// to its request. Self-contained: it does not reference the document it was read from.
/// </summary>
internal sealed class JsonRpcId : IEquatable<JsonRpcId>
{
    private JsonRpcId(JsonRpcIdKind kind, string value, string rawJson)
    {
        Kind = kind;
        Value = value;
        RawJson = rawJson;
    }

    /// <summary>Gets the id <c>null</c>.</summary>
    public static JsonRpcId Null { get; } = new(JsonRpcIdKind.Null, "null", "null");

    /// <summary>Gets the JSON type of the id.</summary>
    public JsonRpcIdKind Kind { get; }

    /// <summary>Gets the decoded string, or the integer's text; <c>null</c> for the null id.</summary>
    public string Value { get; }

    /// <summary>Gets the id's JSON text as received (a valid JSON value).</summary>
    public string RawJson { get; }

    /// <summary>Returns a string id (for tests and for ids the gateway makes itself).</summary>
    public static JsonRpcId FromString(string value) =>
        new(JsonRpcIdKind.String, value, JsonSerializer.Serialize(value, JsonRpcJsonContext.Default.String));

    /// <summary>Returns an integer id.</summary>
    public static JsonRpcId FromNumber(long value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new(JsonRpcIdKind.Number, text, text);
    }

    /// <summary>Reads <paramref name="element"/> as an id: a string, an integer (no fraction or exponent) or null.</summary>
    /// <returns>False for any other JSON value (object, array, boolean, fractional number, a string with a lone surrogate).</returns>
    public static bool TryRead(JsonElement element, out JsonRpcId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (JsonRpcStrings.TryGet(element, out var text))
                {
                    id = new(JsonRpcIdKind.String, text, element.GetRawText());
                    return true;
                }
                break;
            case JsonValueKind.Null:
                id = Null;
                return true;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                if (IsIntegerText(raw))
                {
                    id = new(JsonRpcIdKind.Number, raw, raw);
                    return true;
                }
                break;
        }

        id = Null;
        return false;
    }

    /// <summary>Writes the id's raw JSON text as a value.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(RawJson, skipInputValidation: true);
    }

    /// <inheritdoc/>
    public bool Equals(JsonRpcId? other) =>
        other is not null && other.Kind == Kind && string.Equals(other.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JsonRpcId);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Value));

    /// <inheritdoc/>
    public override string ToString() => RawJson;

    private static bool IsIntegerText(string raw)
    {
        // The JSON grammar already holds (the parser read it); an integer is an optional '-' and digits only.
        var digits = raw.AsSpan(raw.StartsWith('-') ? 1 : 0);
        return digits.Length > 0 && !digits.ContainsAnyExcept("0123456789");
    }
}
