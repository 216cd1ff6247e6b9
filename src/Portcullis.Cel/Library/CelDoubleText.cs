using System.Globalization;
using System.Text;

namespace Portcullis.Cel.Library;

/// <summary>Formats and parses doubles as the reference implementation does (Go's <c>%g</c> and <c>ParseFloat</c>).</summary>
internal static class CelDoubleText
{
    /// <summary>Formats <paramref name="value"/> with the fewest digits that round-trip, switching to exponent form
    /// when the decimal exponent is below -4 or at least 6 (e.g. <c>1</c>, <c>0.0045</c>, <c>1e+100</c>, <c>1.5e+06</c>).</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "+Inf" : "-Inf";
        var negative = double.IsNegative(value);
        if (value == 0) return negative ? "-0" : "0";

        // "R" gives the shortest round-trip digits, e.g. "1.2345E-05" or "123.45"; split them into digits and
        // the position of the decimal point relative to the first digit.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0') leading++;
        digits = digits[leading..].TrimEnd('0');
        pointAt -= leading;

        var sb = new StringBuilder(digits.Length + 8);
        if (negative) sb.Append('-');
        var exp10 = pointAt - 1;
        if (exp10 < -4 || exp10 >= 6)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exp10 < 0 ? '-' : '+');
            var abs = Math.Abs(exp10);
            if (abs < 10) sb.Append('0');
            sb.Append(abs.ToString(CultureInfo.InvariantCulture));
        }
        else if (pointAt <= 0)
        {
            sb.Append("0.").Append('0', -pointAt).Append(digits);
        }
        else if (pointAt >= digits.Length)
        {
            sb.Append(digits).Append('0', pointAt - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, pointAt).Append('.').Append(digits, pointAt, digits.Length - pointAt);
        }
        return sb.ToString();
    }

    /// <summary>Parses a decimal floating-point number, or <c>inf</c>/<c>infinity</c>/<c>nan</c> in any case with an
    /// optional sign. Returns false for malformed text and for finite text too large for a double.</summary>
    public static bool TryParse(string text, out double value)
    {
        var body = text.AsSpan();
        var sign = 1.0;
        if (body.Length > 0 && (body[0] == '+' || body[0] == '-'))
        {
            sign = body[0] == '-' ? -1.0 : 1.0;
            body = body[1..];
        }
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        // Only digits, one point and an exponent: no spaces, thousands separators or currency symbols.
        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or 'e' or 'E' or '+' or '-'))
            {
                value = 0;
                return false;
            }
        }
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return double.TryParse(text, style, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }
}
