using System.Globalization;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>Parses Go-style durations (<c>1h2m3.5s</c>, <c>-1.5h</c>, <c>10ms</c>, <c>5us</c>, <c>100ns</c>) and
/// formats durations as seconds (<c>1.5s</c>).</summary>
internal static class CelDurationText
{
    /// <summary>Parses a signed sequence of decimal numbers, each with an optional fraction and a unit
    /// (<c>h m s ms us µs ns</c>); <c>0</c> alone is also accepted. Returns a duration, or an error for malformed
    /// text or a duration that does not fit in 64-bit nanoseconds.</summary>
    public static CelValue Parse(string text)
    {
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s is "0") return CelValue.Duration(0);
        if (s.IsEmpty) return Invalid(text);

        UInt128 total = 0;
        while (!s.IsEmpty)
        {
            var i = 0;
            UInt128 whole = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                whole = whole * 10 + (uint)(s[i] - '0');
                if (whole > long.MaxValue) return OutOfRange(text);
                i++;
            }
            var hasWhole = i > 0;
            ulong fraction = 0, scale = 1;
            var hasFraction = false;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var start = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    // Digits past the 18th cannot change a nanosecond count; skip them.
                    if (scale < 1_000_000_000_000_000_000UL)
                    {
                        fraction = fraction * 10 + (uint)(s[i] - '0');
                        scale *= 10;
                    }
                    i++;
                }
                hasFraction = i > start;
            }
            if (!hasWhole && !hasFraction) return Invalid(text);
            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            var unit = UnitNanos(s[unitStart..i]);
            if (unit == 0) return Invalid(text);
            total += whole * unit + (UInt128)fraction * unit / scale;
            if (total > (ulong)long.MaxValue + 1) return OutOfRange(text);
            s = s[i..];
        }
        if (!negative && total > long.MaxValue) return OutOfRange(text);
        return CelValue.Duration(negative ? unchecked(-(long)(ulong)total) : (long)total);
    }

    /// <summary>Formats a duration as decimal seconds with the fraction only as far as it is non-zero.</summary>
    public static string Format(long nanos)
    {
        var magnitude = nanos < 0 ? unchecked((ulong)-nanos) : (ulong)nanos;
        var seconds = magnitude / 1_000_000_000;
        var fraction = magnitude % 1_000_000_000;
        var sign = nanos < 0 ? "-" : "";
        var whole = seconds.ToString(CultureInfo.InvariantCulture);
        return fraction == 0
            ? $"{sign}{whole}s"
            : $"{sign}{whole}.{fraction.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')}s";
    }

    private static CelValue Invalid(string text) => CelValue.Error($"invalid duration '{text}'");

    private static CelValue OutOfRange(string text) => CelValue.Error($"duration '{text}' out of range");

    private static ulong UnitNanos(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1,
        "us" or "µs" or "μs" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => 0,
    };
}
