using System.Globalization;
using System.Text;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>Parses and formats RFC 3339 timestamps (<c>2009-02-13T23:31:30.5Z</c>, <c>...+05:30</c>).</summary>
internal static class CelTimestampText
{
    /// <summary>Parses <c>YYYY-MM-DDTHH:MM:SS[.fraction]</c> followed by <c>Z</c> or <c>±HH:MM</c>, with up to nine
    /// fraction digits. Returns a timestamp, or an error for malformed text or a time outside 0001..9999.</summary>
    public static CelValue Parse(string text) =>
        TryParse(text, out var seconds, out var nanos) ? CelValue.Timestamp(seconds, nanos) : CelValue.Error($"invalid timestamp '{text}'");

    private static bool TryParse(string text, out long seconds, out int nanos)
    {
        seconds = 0;
        nanos = 0;
        var s = text.AsSpan();
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }
        if (!CelCivilTime.IsValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return false;

        var i = 19;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            var count = i - start;
            if (count is 0 or > 9) return false;
            nanos = int.Parse(s[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
            for (var k = count; k < 9; k++) nanos *= 10;
        }

        int offsetSeconds;
        if (i == s.Length - 1 && s[i] == 'Z')
        {
            offsetSeconds = 0;
        }
        else if (i == s.Length - 6 && s[i] is '+' or '-' && s[i + 3] == ':'
                 && Digits(s, i + 1, 2, out var oh) && Digits(s, i + 4, 2, out var om) && oh <= 23 && om <= 59)
        {
            offsetSeconds = (oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        seconds = CelCivilTime.DaysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
        return true;
    }

    /// <summary>Formats a timestamp in UTC as RFC 3339 with <c>Z</c>, giving the fraction only as far as it is
    /// non-zero (<c>2009-02-13T23:31:30Z</c>, <c>...30.5Z</c>, <c>...30.000000001Z</c>).</summary>
    public static string Format(long seconds, int nanos)
    {
        var t = CelCivilTime.FromUnixSeconds(seconds);
        var sb = new StringBuilder(30);
        sb.Append(CultureInfo.InvariantCulture, $"{t.Year:D4}-{t.Month:D2}-{t.Day:D2}T{t.Hour:D2}:{t.Minute:D2}:{t.Second:D2}");
        if (nanos != 0) sb.Append('.').Append(nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        return sb.Append('Z').ToString();
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
