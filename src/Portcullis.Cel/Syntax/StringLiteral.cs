using System.Text;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Syntax;

/// <summary>Decodes the body of a CEL string or bytes literal, interpreting escape sequences.</summary>
/// <remarks>
/// In strings, <c>\xHH</c>, octal <c>\ooo</c>, <c>\uHHHH</c> and <c>\UHHHHHHHH</c> denote code points; in bytes,
/// <c>\xHH</c> and <c>\ooo</c> denote raw octets, <c>\u</c>/<c>\U</c> are not allowed, and all other characters
/// are UTF-8 encoded. Raw literals keep every backslash as written.
/// </remarks>
internal static class StringLiteral
{
    /// <summary>Decodes <c>source[start..end]</c>; throws <see cref="CelCompileException"/> at an invalid escape.</summary>
    public static CelValue Decode(string source, int start, int end, bool isBytes, bool isRaw)
    {
        CheckWellFormed(source, start, end);
        if (isRaw || source.AsSpan(start, end - start).IndexOf('\\') < 0)
        {
            var text = source[start..end];
            return isBytes ? CelValue.Bytes(Encoding.UTF8.GetBytes(text)) : CelValue.String(text);
        }

        return isBytes ? CelValue.Bytes(DecodeBytes(source, start, end)) : CelValue.String(DecodeString(source, start, end));
    }

    private static string DecodeString(string source, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        var i = start;
        while (i < end)
        {
            var c = source[i];
            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            var (value, length, isCodePoint) = ReadEscape(source, i, end, isBytes: false);
            if (isCodePoint && value > 0xFFFF)
            {
                builder.Append(char.ConvertFromUtf32(value));
            }
            else
            {
                builder.Append((char)value);
            }

            i += length;
        }

        return builder.ToString();
    }

    private static byte[] DecodeBytes(string source, int start, int end)
    {
        var bytes = new List<byte>(end - start);
        var runStart = start;
        var i = start;
        while (i < end)
        {
            if (source[i] != '\\')
            {
                i++;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(source, runStart, i - runStart));
            var (value, length, isCodePoint) = ReadEscape(source, i, end, isBytes: true);
            if (isCodePoint)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(((char)value).ToString()));
            }
            else
            {
                bytes.Add((byte)value);
            }

            i += length;
            runStart = i;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(source, runStart, end - runStart));
        return [.. bytes];
    }

    /// <summary>Reads the escape at <paramref name="at"/> (a backslash). Returns its value, its length, and whether
    /// the value is a code point (true) or a raw octet from <c>\x</c>/octal in bytes (false).</summary>
    private static (int Value, int Length, bool IsCodePoint) ReadEscape(string source, int at, int end, bool isBytes)
    {
        if (at + 1 >= end)
        {
            throw SyntaxErrors.At(source, at, "invalid escape sequence '\\' at end of literal");
        }

        var c = source[at + 1];
        switch (c)
        {
            case '\\' or '"' or '\'' or '`' or '?':
                return (c, 2, true);
            case 'a':
                return ('\a', 2, true);
            case 'b':
                return ('\b', 2, true);
            case 'f':
                return ('\f', 2, true);
            case 'n':
                return ('\n', 2, true);
            case 'r':
                return ('\r', 2, true);
            case 't':
                return ('\t', 2, true);
            case 'v':
                return ('\v', 2, true);
            case 'x' or 'X':
                return (ReadHex(source, at, end, 2), 4, !isBytes);
            case 'u' or 'U':
            {
                var digits = c == 'u' ? 4 : 8;
                if (isBytes)
                {
                    throw SyntaxErrors.At(source, at, $"invalid escape sequence '\\{c}': Unicode escapes are not allowed in bytes literals");
                }

                var value = ReadHex(source, at, end, digits);
                if (value is >= 0xD800 and <= 0xDFFF || value > 0x10FFFF)
                {
                    throw SyntaxErrors.At(source, at, $"invalid escape sequence '{source.Substring(at, digits + 2)}': not a valid Unicode code point");
                }

                return (value, digits + 2, true);
            }

            case >= '0' and <= '3':
                if (at + 3 < end && IsOctal(source[at + 2]) && IsOctal(source[at + 3]))
                {
                    return (((c - '0') * 64) + ((source[at + 2] - '0') * 8) + (source[at + 3] - '0'), 4, !isBytes);
                }

                throw SyntaxErrors.At(source, at, $"invalid escape sequence '\\{c}': octal escapes need three digits");
            default:
                throw SyntaxErrors.At(source, at, $"invalid escape sequence '\\{DescribeChar(source, at + 1)}'");
        }
    }

    private static int ReadHex(string source, int at, int end, int digits)
    {
        var value = 0;
        for (var k = 0; k < digits; k++)
        {
            var p = at + 2 + k;
            var digit = p < end ? HexValue(source[p]) : -1;
            if (digit < 0)
            {
                throw SyntaxErrors.At(source, at, $"invalid escape sequence '\\{source[at + 1]}': expected {digits} hexadecimal digits");
            }

            value = (value * 16) + digit;
        }

        return value;
    }

    private static void CheckWellFormed(string source, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsHighSurrogate(source[i]) && i + 1 < end && char.IsLowSurrogate(source[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(source[i]))
            {
                throw SyntaxErrors.At(source, i, "invalid UTF-16 text in literal (unpaired surrogate)");
            }
        }
    }

    private static string DescribeChar(string source, int at) =>
        char.IsHighSurrogate(source[at]) && at + 1 < source.Length ? source.Substring(at, 2) : source[at].ToString();

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
