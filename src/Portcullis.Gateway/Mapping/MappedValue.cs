using System.Globalization;
using System.Text.Json;
using Portcullis.Cel.Json;
using Portcullis.Cel.Values;

namespace Portcullis.Gateway.Mapping;

/// <summary>A value produced at request time: JSON (a literal or a claim) or a CEL result, or absent.</summary>
internal readonly struct MappedValue
{
    private readonly JsonElement _json;
    private readonly CelValue _cel;
    private readonly byte _kind; // 0 absent, 1 JSON, 2 CEL

    private MappedValue(JsonElement json, CelValue cel, byte kind)
    {
        _json = json;
        _cel = cel;
        _kind = kind;
    }

    /// <summary>Gets the absent value (a missing claim, an empty optional, null).</summary>
    public static MappedValue Absent => default;

    /// <summary>Gets a value indicating whether there is a value.</summary>
    public bool IsPresent => _kind != 0;

    /// <summary>Gets a value indicating whether the value is a JSON object or a CEL map.</summary>
    public bool IsObject => _kind == 1 ? _json.ValueKind == JsonValueKind.Object : _kind == 2 && _cel.Kind == CelValueKind.Map;

    /// <summary>Wraps JSON; JSON null is absent.</summary>
    public static MappedValue FromJson(JsonElement json) => json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? default : new(json, default, 1);

    /// <summary>Wraps a CEL result; null and an empty optional are absent, a full optional is unwrapped.</summary>
    public static MappedValue FromCel(CelValue value)
    {
        while (value.Kind == CelValueKind.Optional)
        {
            if (!value.AsOptional.HasValue) return default;
            value = value.AsOptional.Value;
        }
        return value.IsNull ? default : new(default, value, 2);
    }

    /// <summary>Returns the value as an AuthZEN identifier (a string; an integer is written in decimal), or null.</summary>
    public string? AsIdentifier()
    {
        if (_kind == 1)
        {
            return _json.ValueKind switch
            {
                JsonValueKind.String => _json.GetString(),
                JsonValueKind.Number when _json.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
        }
        if (_kind == 2)
        {
            return _cel.Kind switch
            {
                CelValueKind.String => _cel.AsString,
                CelValueKind.Int => _cel.AsInt.ToString(CultureInfo.InvariantCulture),
                CelValueKind.Uint => _cel.AsUint.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
        }
        return null;
    }

    /// <summary>Returns the strings of a list value (a single string counts as a list of one); other items are skipped.</summary>
    public List<string> AsStrings()
    {
        var result = new List<string>();
        if (_kind == 1)
        {
            if (_json.ValueKind == JsonValueKind.String) result.Add(_json.GetString()!);
            else if (_json.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in _json.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String) result.Add(item.GetString()!);
                }
            }
        }
        else if (_kind == 2)
        {
            if (_cel.Kind == CelValueKind.String) result.Add(_cel.AsString);
            else if (_cel.Kind == CelValueKind.List)
            {
                foreach (var item in _cel.AsList)
                {
                    if (item.Kind == CelValueKind.String) result.Add(item.AsString);
                }
            }
        }
        return result;
    }

    /// <summary>Writes the value (which must be present).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_kind == 1) _json.WriteTo(writer);
        else CelJson.Write(writer, _cel);
    }

    /// <summary>Returns the value as the text of an HTTP header: a string as is, a number or boolean as its JSON text,
    /// a list of those joined with <c>,</c>; null for an object, a nested list or an absent value.</summary>
    /// <remarks>The caller still checks the characters (no control characters may reach a header).</remarks>
    public string? AsHeaderText()
    {
        if (_kind == 2 && _cel.Kind == CelValueKind.String) return _cel.AsString;
        if (_kind == 0) return null;
        if (_kind == 1) return HeaderText(_json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer)) CelJson.Write(writer, _cel);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return HeaderText(document.RootElement);
    }

    private static string? HeaderText(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array) return ScalarText(json);
        var items = new List<string>(json.GetArrayLength());
        foreach (var item in json.EnumerateArray())
        {
            if (ScalarText(item) is not { } text) return null;
            items.Add(text);
        }
        return string.Join(',', items);
    }

    private static string? ScalarText(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
