using System.Text;

namespace Portcullis.Cel.Library;

/// <summary>
/// Helpers that index strings by Unicode code point, as CEL requires, rather than by UTF-16 unit.
/// Strings without surrogates (the common case) take a fast path where both indexes coincide.
/// </summary>
internal static class CodePoints
{
    /// <summary>Returns whether <paramref name="s"/> contains any surrogate unit (so code point and char indexes may differ).</summary>
    public static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Returns the number of code points in <paramref name="s"/>.</summary>
    public static int Count(string s)
    {
        if (!HasSurrogates(s)) return s.Length;
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }

    /// <summary>Returns the UTF-16 offset of code point <paramref name="cpIndex"/> (which may equal the count), or -1 when beyond the end.</summary>
    public static int CharOffset(string s, long cpIndex)
    {
        if (cpIndex < 0) return -1;
        if (!HasSurrogates(s)) return cpIndex <= s.Length ? (int)cpIndex : -1;
        var i = 0;
        for (long n = 0; n < cpIndex; n++)
        {
            if (i >= s.Length) return -1;
            i += IsPairAt(s, i) ? 2 : 1;
        }
        return i;
    }

    /// <summary>Returns the number of code points before UTF-16 offset <paramref name="charIndex"/>.</summary>
    public static int CodePointIndex(string s, int charIndex)
    {
        var n = 0;
        for (var i = 0; i < charIndex; i++)
        {
            if (IsPairAt(s, i)) i++;
            n++;
        }
        return n;
    }

    /// <summary>Returns the UTF-16 length (1 or 2) of the code point starting at <paramref name="i"/>.</summary>
    public static int WidthAt(string s, int i) => IsPairAt(s, i) ? 2 : 1;

    /// <summary>Returns whether a surrogate pair starts at <paramref name="i"/>.</summary>
    public static bool IsPairAt(string s, int i) => char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);

    /// <summary>Returns <paramref name="s"/> with its code points in reverse order.</summary>
    public static string Reverse(string s)
    {
        if (s.Length < 2) return s;
        var result = new char[s.Length];
        var w = s.Length;
        for (var i = 0; i < s.Length; i++)
        {
            if (IsPairAt(s, i))
            {
                result[--w] = s[i + 1];
                result[--w] = s[i];
                i++;
            }
            else
            {
                result[--w] = s[i];
            }
        }
        return new string(result);
    }

    /// <summary>Returns <paramref name="s"/> with every unpaired surrogate replaced by U+FFFD, as Go does for invalid UTF-8.</summary>
    public static string Sanitize(string s)
    {
        if (!HasSurrogates(s)) return s;
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            if (IsPairAt(s, i))
            {
                sb?.Append(s, i, 2);
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(s[i]);
            }
        }
        return sb?.ToString() ?? s;
    }
}
