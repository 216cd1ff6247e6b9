namespace Portcullis.Pdp.Engine;

/// <summary>
/// A Cerbos glob over names whose segments are separated by <c>:</c>: <c>*</c> matches within one segment,
/// <c>**</c> across segments, <c>?</c> one character of a segment; a lone <c>*</c> matches everything. A pattern
/// without <c>*</c> is a literal, as in Cerbos's rule index.
/// </summary>
internal sealed class GlobPattern
{
    private const char Separator = ':';
    private readonly string _pattern;

    private GlobPattern(string pattern, bool matchesAll)
    {
        _pattern = pattern;
        MatchesAll = matchesAll;
    }

    /// <summary>Gets a value indicating whether the pattern matches every name.</summary>
    public bool MatchesAll { get; }

    /// <summary>Returns whether <paramref name="text"/> names a pattern rather than a literal.</summary>
    public static bool IsGlob(string text) => text.Contains('*', StringComparison.Ordinal);

    /// <summary>Creates the matcher for <paramref name="pattern"/>.</summary>
    public static GlobPattern Create(string pattern) => new(pattern, pattern is "*" or "**");

    /// <summary>Returns whether <paramref name="value"/> matches.</summary>
    public bool IsMatch(string value) => MatchesAll || Match(_pattern, 0, value, 0);

    private static bool Match(string p, int pi, string v, int vi)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                var crossSegments = pi + 1 < p.Length && p[pi + 1] == '*';
                var rest = pi + (crossSegments ? 2 : 1);
                for (var k = vi; ; k++)
                {
                    if (Match(p, rest, v, k)) return true;
                    if (k >= v.Length || (!crossSegments && v[k] == Separator)) return false;
                }
            }
            if (vi >= v.Length) return false;
            if (c == '?' ? v[vi] == Separator : v[vi] != c) return false;
            pi++;
            vi++;
        }
        return vi == v.Length;
    }
}
