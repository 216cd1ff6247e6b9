using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// The type conversions <c>int uint double string bytes bool timestamp duration dyn type</c>. Conversions that
/// lose range (<c>int(1e99)</c>, <c>uint(-1)</c>) or cannot parse their input (<c>int('x')</c>) are errors.
/// </summary>
public static class ConversionFunctions
{
    // 2^63 and 2^64 as doubles: the first values that no longer fit in int and uint.
    private const double TwoPow63 = 9223372036854775808.0;
    private const double TwoPow64 = 18446744073709551616.0;

    private static readonly CelValue TrueString = CelValue.String("true");
    private static readonly CelValue FalseString = CelValue.String("false");

    /// <summary>Registers the conversion functions.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("int", CelCallStyle.Global, 1, static args => ToInt(args[0]));
        registry.Add("uint", CelCallStyle.Global, 1, static args => ToUint(args[0]));
        registry.Add("double", CelCallStyle.Global, 1, static args => ToDouble(args[0]));
        registry.Add("string", CelCallStyle.Global, 1, static args => ToString(args[0]));
        registry.Add("bytes", CelCallStyle.Global, 1, static args => ToBytes(args[0]));
        registry.Add("bool", CelCallStyle.Global, 1, static args => ToBool(args[0]));
        registry.Add("timestamp", CelCallStyle.Global, 1, static args => ToTimestamp(args[0]));
        registry.Add("duration", CelCallStyle.Global, 1, static args => ToDuration(args[0]));
        registry.Add("dyn", CelCallStyle.Global, 1, static args => args[0]);
        registry.Add("type", CelCallStyle.Global, 1, static args => CelValue.Type(args[0].CelType));
    }

    /// <summary>Converts to int: doubles truncate toward zero, timestamps give Unix seconds.</summary>
    public static CelValue ToInt(in CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.Int:
                return value;
            case CelValueKind.Uint:
                return value.AsUint > long.MaxValue ? Range("int", value) : CelValue.Int((long)value.AsUint);
            case CelValueKind.Double:
                var d = value.AsDouble;
                // Both ends are excluded, as in the reference implementation: -2^63 itself is treated as out of range.
                return d > -TwoPow63 && d < TwoPow63 ? CelValue.Int((long)d) : Range("int", value);
            case CelValueKind.String:
                return long.TryParse(value.AsString, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? CelValue.Int(i)
                    : CelValue.Error($"cannot convert '{value.AsString}' to int");
            case CelValueKind.Timestamp:
                return CelValue.Int(value.TimestampSeconds);
            default:
                return CelFunctionRegistry.NoOverload("int", [value]);
        }
    }

    /// <summary>Converts to uint: negative values and values from 2^64 up are range errors.</summary>
    public static CelValue ToUint(in CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.Uint:
                return value;
            case CelValueKind.Int:
                return value.AsInt < 0 ? Range("uint", value) : CelValue.Uint((ulong)value.AsInt);
            case CelValueKind.Double:
                var d = value.AsDouble;
                return d >= 0 && d < TwoPow64 ? CelValue.Uint((ulong)d) : Range("uint", value);
            case CelValueKind.String:
                return ulong.TryParse(value.AsString, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                    ? CelValue.Uint(u)
                    : CelValue.Error($"cannot convert '{value.AsString}' to uint");
            default:
                return CelFunctionRegistry.NoOverload("uint", [value]);
        }
    }

    /// <summary>Converts to double; strings may also be <c>NaN</c>, <c>inf</c>, <c>-Infinity</c>.</summary>
    public static CelValue ToDouble(in CelValue value) => value.Kind switch
    {
        CelValueKind.Double => value,
        CelValueKind.Int => CelValue.Double(value.AsInt),
        CelValueKind.Uint => CelValue.Double(value.AsUint),
        CelValueKind.String => CelDoubleText.TryParse(value.AsString, out var d)
            ? CelValue.Double(d)
            : CelValue.Error($"cannot convert '{value.AsString}' to double"),
        _ => CelFunctionRegistry.NoOverload("double", [value]),
    };

    /// <summary>Converts to string: numbers in decimal, bytes as UTF-8 (an error if invalid), timestamps in
    /// RFC 3339 UTC, durations as seconds (<c>1.5s</c>).</summary>
    public static CelValue ToString(in CelValue value) => value.Kind switch
    {
        CelValueKind.String => value,
        CelValueKind.Int => CelValue.String(value.AsInt.ToString(CultureInfo.InvariantCulture)),
        CelValueKind.Uint => CelValue.String(value.AsUint.ToString(CultureInfo.InvariantCulture)),
        CelValueKind.Double => CelValue.String(CelDoubleText.Format(value.AsDouble)),
        CelValueKind.Bool => value.AsBool ? TrueString : FalseString,
        CelValueKind.Bytes => Utf8.IsValid(value.AsBytes)
            ? CelValue.String(Encoding.UTF8.GetString(value.AsBytes))
            : CelValue.Error("invalid UTF-8 in bytes, cannot convert to string"),
        CelValueKind.Timestamp => CelValue.String(CelTimestampText.Format(value.TimestampSeconds, value.TimestampNanos)),
        CelValueKind.Duration => CelValue.String(CelDurationText.Format(value.DurationNanos)),
        _ => CelFunctionRegistry.NoOverload("string", [value]),
    };

    /// <summary>Converts a string to its UTF-8 bytes.</summary>
    public static CelValue ToBytes(in CelValue value) => value.Kind switch
    {
        CelValueKind.Bytes => value,
        CelValueKind.String => CelValue.Bytes(Encoding.UTF8.GetBytes(value.AsString)),
        _ => CelFunctionRegistry.NoOverload("bytes", [value]),
    };

    /// <summary>Converts to bool; strings accept <c>1 t T true TRUE True</c> and <c>0 f F false FALSE False</c>.</summary>
    public static CelValue ToBool(in CelValue value)
    {
        if (value.Kind == CelValueKind.Bool) return value;
        if (value.Kind != CelValueKind.String) return CelFunctionRegistry.NoOverload("bool", [value]);
        return value.AsString switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => CelValue.True,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => CelValue.False,
            _ => CelValue.Error($"cannot convert '{value.AsString}' to bool"),
        };
    }

    /// <summary>Converts an RFC 3339 string or a count of Unix seconds to a timestamp.</summary>
    public static CelValue ToTimestamp(in CelValue value) => value.Kind switch
    {
        CelValueKind.Timestamp => value,
        CelValueKind.String => CelTimestampText.Parse(value.AsString),
        CelValueKind.Int => CelValue.Timestamp(value.AsInt, 0),
        _ => CelFunctionRegistry.NoOverload("timestamp", [value]),
    };

    /// <summary>Converts a Go-style duration string (<c>1h30m</c>, <c>1.5s</c>, <c>-10ms</c>) to a duration.</summary>
    public static CelValue ToDuration(in CelValue value) => value.Kind switch
    {
        CelValueKind.Duration => value,
        CelValueKind.String => CelDurationText.Parse(value.AsString),
        _ => CelFunctionRegistry.NoOverload("duration", [value]),
    };

    private static CelValue Range(string target, in CelValue value) => CelValue.Error($"{target}({value}) out of range");
}
