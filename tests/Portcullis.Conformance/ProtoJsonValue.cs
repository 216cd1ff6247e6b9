using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portcullis.Cel.Values;

namespace Portcullis.Conformance;

/// <summary>Converts between the conformance suite's protobuf-JSON values (<c>{"int64Value": "1"}</c>,
/// <c>{"listValue": {"values": [...]}}</c>, ...) and <see cref="CelValue"/>.</summary>
internal static partial class ProtoJsonValue
{
    private const string TimestampType = "type.googleapis.com/google.protobuf.Timestamp";
    private const string DurationType = "type.googleapis.com/google.protobuf.Duration";

    /// <summary>Converts a protobuf-JSON <c>cel.expr.Value</c>; throws <see cref="NotSupportedException"/> for
    /// values Portcullis has no counterpart for (protobuf messages other than Timestamp and Duration).</summary>
    public static CelValue ToCelValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new NotSupportedException($"not a value: {value.GetRawText()}");
        using var properties = value.EnumerateObject();
        if (!properties.MoveNext()) throw new NotSupportedException("empty value");
        var p = properties.Current;
        var v = p.Value;
        return p.Name switch
        {
            "nullValue" => CelValue.Null,
            "boolValue" => CelValue.Bool(v.GetBoolean()),
            "int64Value" => CelValue.Int(long.Parse(NumberText(v), CultureInfo.InvariantCulture)),
            "uint64Value" => CelValue.Uint(ulong.Parse(NumberText(v), CultureInfo.InvariantCulture)),
            "doubleValue" => CelValue.Double(ParseDouble(v)),
            "stringValue" => CelValue.String(v.GetString()!),
            "bytesValue" => CelValue.Bytes(ParseBase64(v.GetString()!)),
            "listValue" => CelValue.List(CelList.Of(
                v.TryGetProperty("values", out var items) ? [.. items.EnumerateArray().Select(ToCelValue)] : [])),
            "mapValue" => CelValue.Map(ToMap(v)),
            "typeValue" => ToType(v.GetString()!),
            "enumValue" => CelValue.Int(v.TryGetProperty("value", out var e) ? e.GetInt64() : 0),
            "objectValue" => ToObject(v),
            _ => throw new NotSupportedException($"unsupported value kind {p.Name}"),
        };
    }

    /// <summary>Converts <paramref name="value"/> to protobuf-JSON; errors become <c>{"error": message}</c>.</summary>
    public static JsonNode ToProtoJson(CelValue value) => value.Kind switch
    {
        CelValueKind.Null => new JsonObject { ["nullValue"] = null },
        CelValueKind.Bool => new JsonObject { ["boolValue"] = value.AsBool },
        CelValueKind.Int => new JsonObject { ["int64Value"] = value.AsInt.ToString(CultureInfo.InvariantCulture) },
        CelValueKind.Uint => new JsonObject { ["uint64Value"] = value.AsUint.ToString(CultureInfo.InvariantCulture) },
        CelValueKind.Double => new JsonObject { ["doubleValue"] = DoubleNode(value.AsDouble) },
        CelValueKind.String => new JsonObject { ["stringValue"] = value.AsString },
        CelValueKind.Bytes => new JsonObject { ["bytesValue"] = Convert.ToBase64String(value.AsBytes) },
        CelValueKind.List => new JsonObject
        {
            ["listValue"] = new JsonObject { ["values"] = new JsonArray([.. value.AsList.Select(ToProtoJson)]) },
        },
        CelValueKind.Map => new JsonObject
        {
            ["mapValue"] = new JsonObject
            {
                ["entries"] = new JsonArray([.. value.AsMap.Select(kv =>
                    (JsonNode)new JsonObject { ["key"] = ToProtoJson(kv.Key), ["value"] = ToProtoJson(kv.Value) })]),
            },
        },
        CelValueKind.Type => new JsonObject { ["typeValue"] = value.AsType.Name },
        CelValueKind.Timestamp => new JsonObject
        {
            ["objectValue"] = new JsonObject { ["@type"] = TimestampType, ["value"] = FormatTimestamp(value) },
        },
        CelValueKind.Duration => new JsonObject
        {
            ["objectValue"] = new JsonObject { ["@type"] = DurationType, ["value"] = FormatDuration(value.DurationNanos) },
        },
        CelValueKind.Optional => value.AsOptional.HasValue
            ? new JsonObject { ["optional"] = ToProtoJson(value.AsOptional.Value) }
            : new JsonObject { ["optional"] = new JsonObject() },
        _ => new JsonObject { ["error"] = value.IsError ? value.AsError.Message : value.Kind.ToString() },
    };

    /// <summary>Parses an RFC 3339 timestamp with up to nine fractional digits, e.g. <c>2009-02-13T23:31:30.5Z</c>.</summary>
    public static CelValue ParseTimestamp(string text)
    {
        var m = TimestampPattern().Match(text);
        if (!m.Success) throw new FormatException($"bad timestamp {text}");
        int Group(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        var utc = new DateTime(Group(1), Group(2), Group(3), Group(4), Group(5), Group(6), DateTimeKind.Utc);
        var seconds = (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
        var nanos = m.Groups[7].Success ? int.Parse(m.Groups[7].Value.PadRight(9, '0'), CultureInfo.InvariantCulture) : 0;
        if (m.Groups[8].Value != "Z" && m.Groups[8].Value != "z")
        {
            var offset = TimeSpan.ParseExact(m.Groups[8].Value[1..], @"hh\:mm", CultureInfo.InvariantCulture);
            seconds -= (m.Groups[8].Value[0] == '-' ? -1 : 1) * (long)offset.TotalSeconds;
        }
        return CelValue.Timestamp(seconds, nanos);
    }

    /// <summary>Parses a protobuf-JSON duration such as <c>1.5s</c> or <c>-0.000000001s</c>.</summary>
    public static CelValue ParseDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success) throw new FormatException($"bad duration {text}");
        var nanos = checked(long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 1_000_000_000L +
            (m.Groups[3].Success ? long.Parse(m.Groups[3].Value.PadRight(9, '0'), CultureInfo.InvariantCulture) : 0));
        return CelValue.Duration(m.Groups[1].Success ? -nanos : nanos);
    }

    private static CelValue ToObject(JsonElement v)
    {
        var type = v.TryGetProperty("@type", out var t) ? t.GetString() : null;
        var text = v.TryGetProperty("value", out var inner) ? inner.GetString() : null;
        return type switch
        {
            TimestampType => ParseTimestamp(text ?? "1970-01-01T00:00:00Z"),
            DurationType => ParseDuration(text ?? "0s"),
            _ => throw new NotSupportedException($"unsupported message {type}"),
        };
    }

    private static CelMap ToMap(JsonElement v)
    {
        var dict = CelMap.NewDictionary();
        if (v.TryGetProperty("entries", out var entries))
        {
            foreach (var entry in entries.EnumerateArray())
            {
                dict[ToCelValue(entry.GetProperty("key"))] = ToCelValue(entry.GetProperty("value"));
            }
        }
        return CelMap.Of(dict);
    }

    private static CelValue ToType(string name) => CelType.ByIdentifier.TryGetValue(name, out var type)
        ? CelValue.Type(type)
        : throw new NotSupportedException($"unsupported type value {name}");

    private static string NumberText(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();

    private static double ParseDouble(JsonElement v) => v.ValueKind == JsonValueKind.Number
        ? v.GetDouble()
        : v.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };

    private static JsonNode DoubleNode(double d) => double.IsFinite(d)
        ? JsonValue.Create(d)
        : JsonValue.Create(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");

    private static byte[] ParseBase64(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static string FormatTimestamp(CelValue t)
    {
        var text = DateTime.UnixEpoch.AddSeconds(t.TimestampSeconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return t.TimestampNanos == 0 ? text + "Z" : $"{text}.{t.TimestampNanos:D9}Z";
    }

    private static string FormatDuration(long nanos)
    {
        var sign = nanos < 0 ? "-" : "";
        var abs = nanos == long.MinValue ? 9_223_372_036_854_775_808UL : (ulong)Math.Abs(nanos);
        var frac = abs % 1_000_000_000UL;
        return frac == 0 ? $"{sign}{abs / 1_000_000_000UL}s" : $"{sign}{abs / 1_000_000_000UL}.{frac:D9}s";
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^(-)?(\d+)(?:\.(\d{1,9}))?s$")]
    private static partial Regex DurationPattern();
}
