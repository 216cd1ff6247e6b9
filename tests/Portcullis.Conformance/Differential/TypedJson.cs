using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portcullis.Cel.Values;

namespace Portcullis.Conformance.Differential;

/// <summary>The typed JSON form exchanged with <c>tools/cel-differential.mjs</c>: <c>{"int":"5"}</c>,
/// <c>{"uint":"5"}</c>, <c>{"double":1.5}</c> (or "NaN", "Infinity", "-Infinity", "-0"), <c>{"string":"x"}</c>,
/// <c>{"bool":true}</c>, <c>{"null":null}</c>, <c>{"bytes":"base64"}</c>, <c>{"list":[...]}</c>,
/// <c>{"map":[[k,v],...]}</c>, <c>{"type":"int"}</c> and, for results only, <c>{"error":"message"}</c>.</summary>
internal static class TypedJson
{
    /// <summary>Converts a variable value (null, bool, int, uint, double, string, bytes, list, map).</summary>
    public static JsonNode ToTyped(CelValue value) => value.Kind switch
    {
        CelValueKind.Null => new JsonObject { ["null"] = null },
        CelValueKind.Bool => new JsonObject { ["bool"] = value.AsBool },
        CelValueKind.Int => new JsonObject { ["int"] = value.AsInt.ToString(CultureInfo.InvariantCulture) },
        CelValueKind.Uint => new JsonObject { ["uint"] = value.AsUint.ToString(CultureInfo.InvariantCulture) },
        CelValueKind.Double => new JsonObject { ["double"] = DoubleNode(value.AsDouble) },
        CelValueKind.String => new JsonObject { ["string"] = value.AsString },
        CelValueKind.Bytes => new JsonObject { ["bytes"] = Convert.ToBase64String(value.AsBytes) },
        CelValueKind.List => new JsonObject { ["list"] = new JsonArray([.. value.AsList.Select(ToTyped)]) },
        CelValueKind.Map => new JsonObject
        {
            ["map"] = new JsonArray([.. value.AsMap.Select(e => (JsonNode)new JsonArray(ToTyped(e.Key), ToTyped(e.Value)))]),
        },
        CelValueKind.Type => new JsonObject { ["type"] = value.AsType.Name },
        _ => throw new NotSupportedException($"no typed JSON form for {value.Kind}"),
    };

    /// <summary>Converts a typed JSON result; <c>{"error": ...}</c> becomes an error value. Throws
    /// <see cref="NotSupportedException"/> for results the script could not represent.</summary>
    public static CelValue FromTyped(JsonElement typed)
    {
        using var properties = typed.EnumerateObject();
        if (!properties.MoveNext()) throw new NotSupportedException("empty result");
        var (kind, v) = (properties.Current.Name, properties.Current.Value);
        return kind switch
        {
            "error" => CelValue.Error(v.GetString() ?? ""),
            "null" => CelValue.Null,
            "bool" => CelValue.Bool(v.GetBoolean()),
            "int" => CelValue.Int(long.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
            "uint" => CelValue.Uint(ulong.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
            "double" => CelValue.Double(v.ValueKind == JsonValueKind.Number ? v.GetDouble() : v.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => -0.0,
            }),
            "string" => CelValue.String(v.GetString()!),
            "bytes" => CelValue.Bytes(Convert.FromBase64String(v.GetString()!)),
            "list" => CelValue.List(CelList.Of([.. v.EnumerateArray().Select(FromTyped)])),
            "map" => CelValue.Map(ToMap(v)),
            "type" => CelType.ByIdentifier.TryGetValue(v.GetString()!, out var t)
                ? CelValue.Type(t)
                : throw new NotSupportedException($"type {v.GetString()}"),
            _ => throw new NotSupportedException($"{kind}: {v.GetRawText()}"),
        };
    }

    /// <summary>Describes a value in typed JSON (errors as <c>error: message</c>), shortened when long.</summary>
    public static string Describe(CelValue value)
    {
        string text;
        try
        {
            text = value.IsError ? "error: " + value.AsError.Message : ToTyped(value).ToJsonString();
        }
        catch (NotSupportedException)
        {
            text = value.ToString();
        }
        return text.Length > 200 ? text[..200] + "..." : text;
    }

    private static CelMap ToMap(JsonElement entries)
    {
        var dict = CelMap.NewDictionary();
        foreach (var pair in entries.EnumerateArray()) dict[FromTyped(pair[0])] = FromTyped(pair[1]);
        return CelMap.Of(dict);
    }

    private static JsonNode DoubleNode(double d) =>
        double.IsNaN(d) ? JsonValue.Create("NaN")
        : double.IsPositiveInfinity(d) ? JsonValue.Create("Infinity")
        : double.IsNegativeInfinity(d) ? JsonValue.Create("-Infinity")
        : d == 0 && double.IsNegative(d) ? JsonValue.Create("-0")
        : JsonValue.Create(d);
}
