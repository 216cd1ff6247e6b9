using System.Globalization;
using System.Text;

namespace Portcullis.Cel.Library;

/// <summary>
/// A character class being translated from RE2: code point ranges plus .NET Unicode category tokens
/// (<c>\p{L}</c>, <c>\p{IsGreekandCoptic}</c>). Emits .NET syntax that matches whole code points,
/// turning characters above U+FFFF into surrogate-pair alternatives.
/// </summary>
internal sealed class Re2CharClass
{
    private const int MaxCodePoint = 0x10FFFF;

    private readonly List<(int Lo, int Hi)> _ranges = [];
    private readonly List<string> _tokens = [];

    /// <summary>Adds the code points <paramref name="lo"/>..<paramref name="hi"/>.</summary>
    public void Add(int lo, int hi) => _ranges.Add((lo, hi));

    /// <summary>Adds every range in <paramref name="ranges"/>, or their complement when <paramref name="negate"/> is set.</summary>
    public void AddAll(IEnumerable<(int Lo, int Hi)> ranges, bool negate)
    {
        if (negate) _ranges.AddRange(Complement(ranges));
        else _ranges.AddRange(ranges);
    }

    /// <summary>Adds a .NET class token such as <c>\p{L}</c> or <c>\P{Lu}</c>.</summary>
    public void AddToken(string token) => _tokens.Add(token);

    /// <summary>Returns the .NET pattern for this class, or its complement when <paramref name="negated"/>.</summary>
    public string ToPattern(bool negated)
    {
        var merged = Merge(_ranges);
        var bmp = new StringBuilder();
        var astral = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in merged)
        {
            // Surrogate code points are not characters; BMP parts skip them, astral parts go to pair alternatives.
            if (lo <= 0xFFFF)
            {
                var bmpHi = Math.Min(hi, 0xFFFF);
                if (lo < 0xD800) AppendRange(bmp, lo, Math.Min(bmpHi, 0xD7FF));
                if (bmpHi > 0xDFFF) AppendRange(bmp, Math.Max(lo, 0xE000), bmpHi);
            }
            if (hi >= 0x10000) astral.Add((Math.Max(lo, 0x10000), hi));
        }
        foreach (var token in _tokens) bmp.Append(token);

        var alternatives = new List<string>();
        if (negated)
        {
            alternatives.Add("[^" + bmp + @"\uD800-\uDFFF]");
            var complement = Complement(astral).Where(r => r.Hi >= 0x10000).Select(r => (Math.Max(r.Lo, 0x10000), r.Hi));
            foreach (var (lo, hi) in complement) AppendAstral(alternatives, lo, hi);
        }
        else
        {
            if (bmp.Length > 0) alternatives.Add("[" + bmp + "]");
            foreach (var (lo, hi) in astral) AppendAstral(alternatives, lo, hi);
        }
        return alternatives.Count switch
        {
            0 => @"[^\u0000-\uFFFF]",
            1 => alternatives[0],
            _ => "(?:" + string.Join('|', alternatives) + ")",
        };
    }

    /// <summary>Returns the complement of <paramref name="ranges"/> within 0..U+10FFFF.</summary>
    public static List<(int Lo, int Hi)> Complement(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (lo, hi) in Merge(ranges))
        {
            if (lo > next) result.Add((next, lo - 1));
            next = hi + 1;
        }
        if (next <= MaxCodePoint) result.Add((next, MaxCodePoint));
        return result;
    }

    private static List<(int Lo, int Hi)> Merge(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Lo).ToList();
        var merged = new List<(int Lo, int Hi)>();
        foreach (var r in sorted)
        {
            if (merged.Count > 0 && r.Lo <= merged[^1].Hi + 1)
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, r.Hi));
            else
                merged.Add(r);
        }
        return merged;
    }

    private static void AppendRange(StringBuilder sb, int lo, int hi)
    {
        if (lo > hi) return;
        AppendUnit(sb, lo);
        if (hi == lo) return;
        sb.Append('-');
        AppendUnit(sb, hi);
    }

    private static void AppendUnit(StringBuilder sb, int unit) =>
        sb.Append(@"\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));

    /// <summary>Adds alternatives matching the surrogate pairs of code points <paramref name="lo"/>..<paramref name="hi"/> (all above U+FFFF).</summary>
    private static void AppendAstral(List<string> alternatives, int lo, int hi)
    {
        var (h1, l1) = Split(lo);
        var (h2, l2) = Split(hi);
        if (h1 == h2)
        {
            alternatives.Add(Pair(h1, h1, l1, l2));
            return;
        }
        alternatives.Add(Pair(h1, h1, l1, 0xDFFF));
        if (h1 + 1 <= h2 - 1) alternatives.Add(Pair(h1 + 1, h2 - 1, 0xDC00, 0xDFFF));
        alternatives.Add(Pair(h2, h2, 0xDC00, l2));
    }

    private static string Pair(int hLo, int hHi, int lLo, int lHi)
    {
        var sb = new StringBuilder();
        sb.Append('[');
        AppendRange(sb, hLo, hHi);
        sb.Append("][");
        AppendRange(sb, lLo, lHi);
        sb.Append(']');
        return sb.ToString();
    }

    private static (int High, int Low) Split(int codePoint)
    {
        var v = codePoint - 0x10000;
        return (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
    }
}
