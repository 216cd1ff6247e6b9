using System.Globalization;
using System.Numerics;
using System.Text;

namespace Portcullis.Cel.Library;

/// <summary>
/// Formats doubles exactly as Go's <c>strconv</c> does for <c>%f</c>, <c>%e</c> and shortest fixed notation:
/// correct rounding of the exact binary value with ties to even.
/// </summary>
internal static class GoFloatFormat
{
    /// <summary>Formats like Go's <c>%.{precision}f</c> (finite values only).</summary>
    public static string Fixed(double value, int precision)
    {
        var (negative, digits) = ScaledDigits(value, precision);
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (digits.Length <= precision) digits = new string('0', precision - digits.Length + 1) + digits;
        var integerLength = digits.Length - precision;
        sb.Append(digits, 0, integerLength);
        if (precision > 0) sb.Append('.').Append(digits, integerLength, precision);
        return sb.ToString();
    }

    /// <summary>Formats like Go's <c>%.{precision}e</c> (finite values only), e.g. <c>1.052033e+03</c>.</summary>
    public static string Scientific(double value, int precision)
    {
        var negative = double.IsNegative(value);
        string digits;
        int exponent;
        if (value == 0)
        {
            digits = new string('0', precision + 1);
            exponent = 0;
        }
        else
        {
            exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
            digits = RoundedDigits(value, precision - exponent);
            if (digits.Length > precision + 1)
            {
                // Either the estimate was one too low or rounding carried into a new digit.
                exponent++;
                digits = RoundedDigits(value, precision - exponent);
            }
            else if (digits.Length < precision + 1)
            {
                exponent--;
                digits = RoundedDigits(value, precision - exponent);
            }
        }
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        sb.Append(digits[0]);
        if (precision > 0) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e').Append(exponent < 0 ? '-' : '+');
        sb.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Formats like Go's <c>strconv.FormatFloat(v, 'f', -1, 64)</c>: the shortest round-tripping digits, never an exponent.</summary>
    public static string Shortest(double value)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e < 0) return r;
        var exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = r[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        string result;
        if (pointAt <= 0) result = "0." + new string('0', -pointAt) + digits;
        else if (pointAt >= digits.Length) result = digits + new string('0', pointAt - digits.Length);
        else result = digits[..pointAt] + "." + digits[pointAt..];
        return negative ? "-" + result : result;
    }

    /// <summary>Returns the sign and the decimal digits of |value| × 10^<paramref name="scale"/> rounded to an integer (ties to even).</summary>
    private static (bool Negative, string Digits) ScaledDigits(double value, int scale) => (double.IsNegative(value), RoundedDigits(value, scale));

    private static string RoundedDigits(double value, int scale)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponentBits == 0) exponentBits = 1;
        else mantissa |= 1L << 52;
        var binaryExponent = exponentBits - 1075;

        // |value| = mantissa × 2^binaryExponent; compute round(mantissa × 2^binaryExponent × 10^scale).
        BigInteger numerator = mantissa;
        BigInteger denominator = BigInteger.One;
        if (binaryExponent >= 0) numerator <<= binaryExponent;
        else denominator <<= -binaryExponent;
        if (scale >= 0) numerator *= BigInteger.Pow(10, scale);
        else denominator *= BigInteger.Pow(10, -scale);
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        var cmp = twice.CompareTo(denominator);
        if (cmp > 0 || (cmp == 0 && !quotient.IsEven)) quotient += 1;
        return quotient.ToString(CultureInfo.InvariantCulture);
    }
}
