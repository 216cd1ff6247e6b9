using System.Diagnostics;
using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Library;

public class CelRegexTests
{
    private static CelValue Match(string input, string pattern) => CelRegex.IsMatch(input, pattern, CelOptions.Default);

    [Theory]
    [InlineData("abc", "b", true)]
    [InlineData("abc", "^b", false)]
    [InlineData("abc\n", "abc$", false)] // RE2 $ is end of text, unlike .NET's default
    [InlineData("abc\ndef", "(?m)abc$", true)]
    [InlineData("abc\ndef", "(?m)^def", true)]
    [InlineData("abc\ndef", "^def", false)]
    [InlineData("a\nb", "a.b", false)]
    [InlineData("a\nb", "(?s)a.b", true)]
    [InlineData("ABC", "(?i)abc", true)]
    [InlineData("ABC", "(?i:a)BC", true)]
    [InlineData("aBC", "(?i:a)bc", false)]
    [InlineData("x", "(?U)x*", true)]
    [InlineData("key=value", "(?P<k>\\w+)=(?P<v>\\w+)", true)]
    [InlineData("key=value", "(?<k>\\w+)=", true)]
    [InlineData("a.b", "\\Qa.b\\E", true)]
    [InlineData("axb", "\\Qa.b\\E", false)]
    [InlineData("a+b", "a\\+b", true)]
    [InlineData("abc", "a\\z", false)]
    [InlineData("abc", "c\\z", true)]
    [InlineData("abc", "\\Aab", true)]
    [InlineData("a{,5}", "a{,5}", true)] // not a repetition in RE2: literal braces
    [InlineData("aaa", "^a{2,3}$", true)]
    [InlineData("aaaa", "^a{2,3}$", false)]
    [InlineData("ab", "^a{2,}", false)]
    [InlineData("tab\there", "\\t", true)]
    [InlineData("A", "\\x41", true)]
    [InlineData("😀", "\\x{1F600}", true)]
    [InlineData("\n", "\\012", true)]
    public void IsMatch_Re2Syntax_MatchesLikeRe2(string input, string pattern, bool expected) =>
        Assert.Equal(CelValue.Bool(expected), Match(input, pattern));

    [Theory]
    [InlineData("٣", "\\d", false)] // Arabic-Indic digit: RE2 \d is ASCII only
    [InlineData("3", "\\d", true)]
    [InlineData("é", "^\\w$", false)]
    [InlineData("é", "^\\W$", true)]
    [InlineData("\u00A0", "\\s", false)]
    [InlineData("\v", "\\s", false)] // RE2 \s excludes vertical tab
    [InlineData(" ", "\\s", true)]
    [InlineData("x", "[[:alpha:]]", true)]
    [InlineData("1", "[[:^alpha:]]", true)]
    [InlineData("1", "[[:alpha:]]", false)]
    [InlineData("a", "[^\\d]", true)]
    [InlineData("5", "[^\\D]", true)]
    [InlineData("é", "\\pL", true)]
    [InlineData("1", "\\p{L}", false)]
    [InlineData("1", "\\PL", true)]
    [InlineData("λ", "\\p{Greek}", true)]
    [InlineData("a", "\\p{Greek}", false)]
    [InlineData("a", "\\P{Greek}", true)]
    [InlineData("λ", "[\\p{Greek}a]", true)]
    [InlineData("ä", "\\p{Latin}", true)]
    public void IsMatch_Classes_FollowRe2Definitions(string input, string pattern, bool expected) =>
        Assert.Equal(CelValue.Bool(expected), Match(input, pattern));

    [Theory]
    [InlineData("😀", "^.$", true)] // one code point
    [InlineData("😀", "^..$", false)]
    [InlineData("😀😀", "^😀+$", true)]
    [InlineData("😁", "^[😀-😂]$", true)]
    [InlineData("😃", "^[😀-😂]$", false)]
    [InlineData("😃", "^[^😀-😂]$", true)]
    [InlineData("😁", "^[^😀-😂]$", false)]
    [InlineData("😀", "^\\D$", true)]
    [InlineData("𝒜", "^[\\x{1D400}-\\x{1D7FF}]$", true)]
    public void IsMatch_CharactersAboveBmp_CountAsOneCodePoint(string input, string pattern, bool expected) =>
        Assert.Equal(CelValue.Bool(expected), Match(input, pattern));

    [Theory]
    [InlineData("(a)\\1", "backreferences")]
    [InlineData("a(?=b)", "lookahead")]
    [InlineData("a(?!b)", "lookahead")]
    [InlineData("(?<=a)b", "lookbehind")]
    [InlineData("(?<!a)b", "lookbehind")]
    [InlineData("(?>a+)b", "atomic")]
    [InlineData("a*+", "nested repetition")]
    [InlineData("a++", "nested repetition")]
    [InlineData("a**", "nested repetition")]
    [InlineData("a{1001}", "repeat count")]
    [InlineData("a{3,2}", "repeat count")]
    [InlineData("*a", "missing argument")]
    [InlineData("(a", "missing closing )")]
    [InlineData("a)", "unexpected )")]
    [InlineData("[a", "missing closing ]")]
    [InlineData("[z-a]", "class range")]
    [InlineData("\\", "trailing backslash")]
    [InlineData("\\Z", "invalid escape")]
    [InlineData("\\C", "invalid escape")]
    [InlineData("(?x)a", "unsupported Perl syntax")]
    [InlineData("\\p{Klingon}", "Unicode class")]
    [InlineData("((a{100}){100}){100}", "too large")]
    public void IsMatch_ConstructRe2Rejects_InvalidRegexError(string pattern, string reason)
    {
        var message = LibraryCalls.Err(Match("abc", pattern));
        Assert.StartsWith("invalid regex: ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsMatch_CatastrophicPattern_ReturnsPromptly()
    {
        var sw = Stopwatch.StartNew();
        var result = Match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(a+)+$");
        sw.Stop();
        Assert.Equal(CelValue.False, result);
        Assert.True(sw.ElapsedMilliseconds < 1000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void IsMatch_PatternLongerThanLimit_Error()
    {
        var options = CelOptions.Default with { MaxRegexLength = 4 };
        Assert.Contains("longer than 4", LibraryCalls.Err(CelRegex.IsMatch("a", "aaaaa", options)), StringComparison.Ordinal);
    }

    [Fact]
    public void IsMatch_SamePatternTwice_UsesCacheAndAgrees()
    {
        Assert.Equal(CelValue.True, Match("xyz", "y+"));
        Assert.Equal(CelValue.False, Match("xz", "y+"));
    }

    [Fact]
    public void IsMatch_ManyDistinctPatterns_CacheStaysBounded()
    {
        for (var i = 0; i < CelRegex.CacheCapacity + 10; i++) Assert.Equal(CelValue.True, Match("n" + i, "n" + i));
    }
}
