using System.Globalization;
using System.Text;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// Implements <c>"...".format([args])</c> as cel-go's strings extension does: clauses <c>%s %d %f %e %b %o %x %X</c>,
/// an optional precision (<c>%.3f</c>) for <c>%f</c> and <c>%e</c>, and <c>%%</c> for a percent sign.
/// </summary>
internal static class StringFormatter
{
    private const int DefaultPrecision = 6;
    private const int MaxPrecision = 1000;

    /// <summary>Formats <paramref name="format"/> with <paramref name="args"/>, or returns an error value.</summary>
    public static CelValue Format(string format, CelList args)
    {
        var sb = new StringBuilder(format.Length + 16);
        var argIndex = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                sb.Append('%');
                i += 2;
                continue;
            }
            if (argIndex >= args.Count) return CelValue.Error($"index {argIndex} out of range");
            if (i + 1 >= format.Length) return CelValue.Error("unexpected end of string");
            i++;
            var precision = DefaultPrecision;
            if (format[i] == '.')
            {
                i++;
                var start = i;
                while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
                if (i >= format.Length) return ParseError("error while parsing precision: could not find end of precision specifier");
                if (i == start || !int.TryParse(format.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out precision))
                    return ParseError("error while parsing precision: invalid precision");
                if (precision > MaxPrecision)
                    return ParseError($"error while parsing precision: precision {precision} exceeds maximum allowed precision {MaxPrecision}");
            }
            var verb = format[i++];
            var arg = args[argIndex++];
            string? error = null;
            var text = verb switch
            {
                's' => FormatString(arg, out error),
                'd' => FormatDecimal(arg, out error),
                'f' => FormatFloat(arg, precision, scientific: false, out error),
                'e' => FormatFloat(arg, precision, scientific: true, out error),
                'b' => FormatInteger(arg, 2, upper: false, "only ints, uints, and bools can be formatted as binary", out error),
                'o' => FormatInteger(arg, 8, upper: false, "octal clause can only be used on ints and uints", out error),
                'x' or 'X' => FormatInteger(arg, 16, upper: verb == 'X', "only ints, uints, bytes, and strings can be formatted as hex", out error),
                _ => null,
            };
            if (text is null && verb is not ('s' or 'd' or 'f' or 'e' or 'b' or 'o' or 'x' or 'X'))
                return ParseError($"unrecognized formatting clause \"{verb}\"");
            if (text is null) return CelValue.Error("error during formatting: " + error);
            sb.Append(text);
        }
        return CelValue.String(sb.ToString());
    }

    private static CelValue ParseError(string message) => CelValue.Error("could not parse formatting clause: " + message);

    /// <summary>Formats a value for <c>%s</c>: strings and bytes verbatim, numbers in shortest form, durations in
    /// seconds, timestamps in RFC 3339, lists and maps (sorted by key) recursively.</summary>
    internal static string? FormatString(in CelValue v, out string? error)
    {
        var sb = new StringBuilder();
        error = AppendString(sb, v);
        return error is null ? sb.ToString() : null;
    }

    private static string? AppendString(StringBuilder sb, in CelValue v)
    {
        switch (v.Kind)
        {
            case CelValueKind.Null: sb.Append("null"); return null;
            case CelValueKind.Bool: sb.Append(v.AsBool ? "true" : "false"); return null;
            case CelValueKind.Int: sb.Append(v.AsInt.ToString(CultureInfo.InvariantCulture)); return null;
            case CelValueKind.Uint: sb.Append(v.AsUint.ToString(CultureInfo.InvariantCulture)); return null;
            case CelValueKind.Double: sb.Append(FormatDouble(v.AsDouble)); return null;
            case CelValueKind.String: sb.Append(v.AsString); return null;
            case CelValueKind.Bytes: sb.Append(Encoding.UTF8.GetString(v.AsBytes)); return null;
            case CelValueKind.Type: sb.Append(v.AsType.Name); return null;
            case CelValueKind.Duration: sb.Append(FormatDuration(v.DurationNanos)); return null;
            case CelValueKind.Timestamp: sb.Append(FormatTimestamp(v.TimestampSeconds, v.TimestampNanos)); return null;
            case CelValueKind.List:
                sb.Append('[');
                var first = true;
                foreach (var item in v.AsList)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    if (AppendString(sb, item) is { } listError) return listError;
                }
                sb.Append(']');
                return null;
            case CelValueKind.Map:
                var entries = new List<(string Key, string Value)>();
                foreach (var (key, value) in v.AsMap)
                {
                    var k = FormatString(key, out var keyError);
                    if (k is null) return keyError;
                    var val = FormatString(value, out var valueError);
                    if (val is null) return valueError;
                    entries.Add((k, val));
                }
                entries.Sort((a, b) => CelOperators.CompareCodePoints(a.Key, b.Key));
                sb.Append('{');
                for (var i = 0; i < entries.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(entries[i].Key).Append(": ").Append(entries[i].Value);
                }
                sb.Append('}');
                return null;
            default:
                return "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given " + v.TypeName;
        }
    }

    private static string? FormatDecimal(in CelValue v, out string? error)
    {
        error = null;
        switch (v.Kind)
        {
            case CelValueKind.Int: return v.AsInt.ToString(CultureInfo.InvariantCulture);
            case CelValueKind.Uint: return v.AsUint.ToString(CultureInfo.InvariantCulture);
            case CelValueKind.Double: return FormatDouble(v.AsDouble);
            default:
                error = "decimal clause can only be used on ints, uints, and doubles, was given " + v.TypeName;
                return null;
        }
    }

    private static string? FormatFloat(in CelValue v, int precision, bool scientific, out string? error)
    {
        error = null;
        double d;
        switch (v.Kind)
        {
            case CelValueKind.Int: d = v.AsInt; break;
            case CelValueKind.Uint: d = v.AsUint; break;
            case CelValueKind.Double: d = v.AsDouble; break;
            default:
                error = (scientific ? "scientific" : "fixed-point") + " clause can only be used on ints, uints, and doubles, was given " + v.TypeName;
                return null;
        }
        if (!double.IsFinite(d)) return FormatDouble(d);
        return scientific ? GoFloatFormat.Scientific(d, precision) : GoFloatFormat.Fixed(d, precision);
    }

    private static string? FormatInteger(in CelValue v, int radix, bool upper, string message, out string? error)
    {
        error = null;
        switch (v.Kind)
        {
            case CelValueKind.Int:
                var n = v.AsInt;
                var magnitude = n < 0 ? unchecked((ulong)-n) : (ulong)n;
                return (n < 0 ? "-" : "") + ToRadix(magnitude, radix, upper);
            case CelValueKind.Uint:
                return ToRadix(v.AsUint, radix, upper);
            case CelValueKind.Bool when radix == 2:
                return v.AsBool ? "1" : "0";
            case CelValueKind.String when radix == 16:
                return Hex(Encoding.UTF8.GetBytes(v.AsString), upper);
            case CelValueKind.Bytes when radix == 16:
                return Hex(v.AsBytes, upper);
            default:
                error = message + ", was given " + v.TypeName;
                return null;
        }
    }

    private static string Hex(byte[] bytes, bool upper) => upper ? Convert.ToHexString(bytes) : Convert.ToHexStringLower(bytes);

    private static string ToRadix(ulong value, int radix, bool upper)
    {
        if (radix == 16) return value.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture);
        if (value == 0) return "0";
        Span<char> buffer = stackalloc char[64];
        var pos = buffer.Length;
        while (value != 0)
        {
            buffer[--pos] = (char)('0' + (int)(value % (ulong)radix));
            value /= (ulong)radix;
        }
        return new string(buffer[pos..]);
    }

    /// <summary>Formats a double as cel-go's <c>%s</c> and <c>%d</c> do: NaN, ±Infinity, else shortest fixed notation.</summary>
    internal static string FormatDouble(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : GoFloatFormat.Shortest(d);

    /// <summary>Formats a duration as seconds with a trailing <c>s</c> (<c>6347s</c>, <c>1.5s</c>), like Go's <c>Duration.Seconds()</c>.</summary>
    internal static string FormatDuration(long nanos)
    {
        var seconds = nanos / 1_000_000_000;
        var rest = nanos % 1_000_000_000;
        return GoFloatFormat.Shortest(seconds + rest / 1e9) + "s";
    }

    /// <summary>Formats a timestamp in RFC 3339 UTC with trailing zeros of the fraction removed.</summary>
    internal static string FormatTimestamp(long seconds, int nanos)
    {
        var text = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (nanos == 0) return text + "Z";
        return text + "." + nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }
}
