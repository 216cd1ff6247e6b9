using System.Globalization;
using System.Text;
using System.Text.Json;
using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Json;

/// <summary>
/// Converts between JSON and CEL values. JSON numbers written without a fraction or exponent that fit in 64 bits
/// become <c>int</c> (so <c>attr.count + 1</c> works), other numbers become <c>double</c>; objects become maps with
/// string keys. On output, timestamps are RFC 3339 strings, durations strings like <c>"1.5s"</c>, bytes base64,
/// types their names, and optionals their value or null.
/// </summary>
public static class CelJson
{
    /// <summary>Converts a JSON element to a CEL value; integral numbers become <c>int</c>.</summary>
    public static CelValue FromJson(JsonElement element) => FromJson(element, numbersAsDouble: false);

    /// <summary>Converts a JSON element to a CEL value. With <paramref name="numbersAsDouble"/>, every number becomes a
    /// <c>double</c>, as protobuf's <c>google.protobuf.Value</c> (and so Cerbos) reads JSON.</summary>
    public static CelValue FromJson(JsonElement element, bool numbersAsDouble)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return CelValue.Null;
            case JsonValueKind.True:
                return CelValue.True;
            case JsonValueKind.False:
                return CelValue.False;
            case JsonValueKind.String:
                return CelValue.String(element.GetString()!);
            case JsonValueKind.Number:
                if (numbersAsDouble) return CelValue.Double(element.GetDouble());
                var raw = element.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0 && element.TryGetInt64(out var i)) return CelValue.Int(i);
                if (raw.AsSpan().IndexOfAny(".eE-") < 0 && element.TryGetUInt64(out var u)) return CelValue.Uint(u);
                return CelValue.Double(element.GetDouble());
            case JsonValueKind.Array:
                var items = new CelValue[element.GetArrayLength()];
                var n = 0;
                foreach (var item in element.EnumerateArray()) items[n++] = FromJson(item, numbersAsDouble);
                return CelValue.List(CelList.Of(items));
            default:
                var map = CelMap.NewDictionary();
                foreach (var property in element.EnumerateObject()) map[CelValue.String(property.Name)] = FromJson(property.Value, numbersAsDouble);
                return CelValue.Map(CelMap.Of(map));
        }
    }

    /// <summary>Parses <paramref name="json"/> and converts it; throws <see cref="JsonException"/> for invalid JSON.</summary>
    public static CelValue Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
        return FromJson(document.RootElement);
    }

    /// <summary>Writes <paramref name="value"/> as JSON. An error value is written as <c>{"error": message}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, CelValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case CelValueKind.Null: writer.WriteNullValue(); break;
            case CelValueKind.Bool: writer.WriteBooleanValue(value.AsBool); break;
            case CelValueKind.Int: writer.WriteNumberValue(value.AsInt); break;
            case CelValueKind.Uint: writer.WriteNumberValue(value.AsUint); break;
            case CelValueKind.Double:
                var d = value.AsDouble;
                if (double.IsFinite(d)) writer.WriteNumberValue(d);
                else writer.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                break;
            case CelValueKind.String: writer.WriteStringValue(value.AsString); break;
            case CelValueKind.Bytes: writer.WriteBase64StringValue(value.AsBytes); break;
            case CelValueKind.Timestamp: writer.WriteStringValue(CelTimestampText.Format(value.TimestampSeconds, value.TimestampNanos)); break;
            case CelValueKind.Duration: writer.WriteStringValue(CelDurationText.Format(value.DurationNanos)); break;
            case CelValueKind.Type: writer.WriteStringValue(value.AsType.Name); break;
            case CelValueKind.Optional:
                if (value.AsOptional.HasValue) Write(writer, value.AsOptional.Value);
                else writer.WriteNullValue();
                break;
            case CelValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.AsList) Write(writer, item);
                writer.WriteEndArray();
                break;
            case CelValueKind.Map:
                writer.WriteStartObject();
                foreach (var (key, item) in value.AsMap)
                {
                    writer.WritePropertyName(key.Kind == CelValueKind.String ? key.AsString : KeyText(key));
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject();
                writer.WriteString("error", value.AsError.Message);
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>Returns <paramref name="value"/> as a JSON string.</summary>
    public static string ToJsonString(CelValue value, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, SkipValidation = false }))
        {
            Write(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string KeyText(CelValue key) => key.Kind switch
    {
        CelValueKind.Bool => key.AsBool ? "true" : "false",
        CelValueKind.Int => key.AsInt.ToString(CultureInfo.InvariantCulture),
        CelValueKind.Uint => key.AsUint.ToString(CultureInfo.InvariantCulture),
        _ => key.ToString(),
    };
}
