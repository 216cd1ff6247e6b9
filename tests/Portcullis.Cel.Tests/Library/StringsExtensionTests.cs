using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class StringsExtensionTests
{
    private readonly LibraryCalls _calls = new(StringsExtension.Register);

    [Theory]
    [InlineData("tacocat", 3, "o")]
    [InlineData("tacocat", 7, "")]
    [InlineData("©αT", 1, "α")]
    [InlineData("a😀b", 1, "😀")]
    [InlineData("a😀b", 2, "b")]
    public void CharAt_CodePointIndex_ReturnsCharacter(string s, long i, string expected) =>
        Assert.Equal(expected, Str(_calls.Member("charAt", S(s), I(i))));

    [Fact]
    public void CharAt_OutOfRange_Error() => Assert.Equal("index out of range: 30", Err(_calls.Member("charAt", S("tacocat"), I(30))));

    [Theory]
    [InlineData("tacocat", "", 0)]
    [InlineData("tacocat", "ac", 1)]
    [InlineData("tacocat", "none", -1)]
    [InlineData("ta©o©αT", "©", 2)]
    [InlineData("😀a😀b", "b", 3)]
    [InlineData("hello wello", "hello wello", 0)]
    public void IndexOf_Substring_ReturnsCodePointIndex(string s, string sub, long expected) =>
        Assert.Equal(CelValue.Int(expected), _calls.Member("indexOf", S(s), S(sub)));

    [Theory]
    [InlineData("tacocat", "", 3, 3)]
    [InlineData("tacocat", "a", 3, 5)]
    [InlineData("ta©o©αT", "©", 3, 4)]
    [InlineData("ta©o©αT", "©αT", 3, 4)]
    [InlineData("ta©o©αT", "©α", 5, -1)]
    [InlineData("hello wello", "ello", 6, 7)]
    [InlineData("😀😀x😀", "😀", 2, 3)]
    public void IndexOf_WithStart_SearchesFromStart(string s, string sub, long start, long expected) =>
        Assert.Equal(CelValue.Int(expected), _calls.Member("indexOf", S(s), S(sub), I(start)));

    [Fact]
    public void IndexOf_StartOutOfRange_Error() => Assert.Equal("index out of range: 30", Err(_calls.Member("indexOf", S("tacocat"), S("a"), I(30))));

    [Theory]
    [InlineData("", "@@", -1)]
    [InlineData("tacocat", "", 7)]
    [InlineData("tacocat", "at", 5)]
    [InlineData("ta©o©αT", "©", 4)]
    [InlineData("😀x😀", "😀", 2)]
    public void LastIndexOf_Substring_ReturnsLastCodePointIndex(string s, string sub, long expected) =>
        Assert.Equal(CelValue.Int(expected), _calls.Member("lastIndexOf", S(s), S(sub)));

    [Theory]
    [InlineData("tacocat", "", 3, 3)]
    [InlineData("tacocat", "a", 3, 1)]
    [InlineData("ta©o©αT", "©", 3, 2)]
    [InlineData("ta©o©αT", "©α", 4, 4)]
    [InlineData("hello wello", "ello", 6, 1)]
    [InlineData("bananananana", "nana", 7, 6)]
    public void LastIndexOf_WithStart_FindsAtOrBeforeStart(string s, string sub, long start, long expected) =>
        Assert.Equal(CelValue.Int(expected), _calls.Member("lastIndexOf", S(s), S(sub), I(start)));

    [Theory]
    [InlineData(-1)]
    [InlineData(30)]
    public void LastIndexOf_StartOutOfRange_Error(long start) =>
        Assert.Equal($"index out of range: {start}", Err(_calls.Member("lastIndexOf", S("tacocat"), S("a"), I(start))));

    [Fact]
    public void AsciiCasing_NonAscii_Unchanged()
    {
        Assert.Equal("tacocÆt xii", Str(_calls.Member("lowerAscii", S("TacoCÆt Xii"))));
        Assert.Equal("TACOCαT", Str(_calls.Member("upperAscii", S("tacoCαt"))));
    }

    [Fact]
    public void Replace_AllAndLimited_ReplacesOccurrences()
    {
        Assert.Equal("2 days 2 hours", Str(_calls.Member("replace", S("{0} days {0} hours"), S("{0}"), S("2"))));
        Assert.Equal("2 days {0} hours", Str(_calls.Member("replace", S("{0} days {0} hours"), S("{0}"), S("2"), I(1))));
        Assert.Equal("1 ©o©α taco", Str(_calls.Member("replace", S("1 ©αT taco"), S("αT"), S("o©α"))));
        Assert.Equal("-a-😀-", Str(_calls.Member("replace", S("a😀"), S(""), S("-"))));
        Assert.Equal("-a😀", Str(_calls.Member("replace", S("a😀"), S(""), S("-"), I(1))));
        Assert.Equal("abc", Str(_calls.Member("replace", S("abc"), S("b"), S("x"), I(0))));
    }

    [Fact]
    public void Split_Limits_FollowGoSplitN()
    {
        Assert.Equal(["hello", "world"], Strings(_calls.Member("split", S("hello world"), S(" "))));
        Assert.Empty(Strings(_calls.Member("split", S("hello world events!"), S(" "), I(0))));
        Assert.Equal(["hello world events!"], Strings(_calls.Member("split", S("hello world events!"), S(" "), I(1))));
        Assert.Equal(["hello", "world events!"], Strings(_calls.Member("split", S("hello world events!"), S(" "), I(2))));
        Assert.Equal(["o", "o", "o", "o"], Strings(_calls.Member("split", S("o©o©o©o"), S("©"), I(-1))));
        Assert.Equal(["a", "😀", "b"], Strings(_calls.Member("split", S("a😀b"), S(""))));
        Assert.Equal(["a", "😀b"], Strings(_calls.Member("split", S("a😀b"), S(""), I(2))));
    }

    [Theory]
    [InlineData("tacocat", 4, null, "cat")]
    [InlineData("tacocat", 7, null, "")]
    [InlineData("tacocat", 0, 4L, "taco")]
    [InlineData("tacocat", 4, 4L, "")]
    [InlineData("ta©o©αT", 2, 6L, "©o©α")]
    [InlineData("ta©o©αT", 7, 7L, "")]
    [InlineData("😀a😀b", 1, 3L, "a😀")]
    public void Substring_CodePointRange_ReturnsPart(string s, long start, long? end, string expected) =>
        Assert.Equal(expected, Str(end is null ? _calls.Member("substring", S(s), I(start)) : _calls.Member("substring", S(s), I(start), I(end.Value))));

    [Theory]
    [InlineData(40, null, "index out of range: 40")]
    [InlineData(-1, null, "index out of range: -1")]
    [InlineData(1, 50L, "index out of range: 50")]
    [InlineData(49, 50L, "index out of range: 49")]
    [InlineData(4, 3L, "invalid substring range. start: 4, end: 3")]
    public void Substring_BadRange_Error(long start, long? end, string expected) =>
        Assert.Equal(expected, Err(end is null ? _calls.Member("substring", S("tacocat"), I(start)) : _calls.Member("substring", S("tacocat"), I(start), I(end.Value))));

    [Theory]
    [InlineData(" \f\n\r\t\vtext  ", "text")]
    [InlineData("\u0085\u00a0\u1680text", "text")]
    [InlineData("text\u2000\u2001\u2002\u2003\u2004\u2004\u2006\u2007\u2008\u2009", "text")]
    [InlineData("\u200atext\u2028\u2029\u202F\u205F\u3000", "text")]
    [InlineData("\u180etext\u200b\u200c\u200d\u2060\ufeff", "\u180etext\u200b\u200c\u200d\u2060\ufeff")]
    public void Trim_UnicodeWhitespace_Removed(string s, string expected) => Assert.Equal(expected, Str(_calls.Member("trim", S(s))));

    [Fact]
    public void Reverse_SurrogatePairs_KeptWhole() => Assert.Equal("b😀a", Str(_calls.Member("reverse", S("a😀b"))));

    [Fact]
    public void Join_Lists_ConcatenateWithSeparator()
    {
        Assert.Equal("xy", Str(_calls.Member("join", L(S("x"), S("y")))));
        Assert.Equal("x-y", Str(_calls.Member("join", L(S("x"), S("y")), S("-"))));
        Assert.Equal("", Str(_calls.Member("join", L(), S("-"))));
        Assert.Contains("only strings", Err(_calls.Member("join", L(S("x"), I(1)))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first\nsecond", "\"first\\nsecond\"")]
    [InlineData("bell\a", "\"bell\\a\"")]
    [InlineData("\bbackspace", "\"\\bbackspace\"")]
    [InlineData("vertical \v tab", "\"vertical \\v tab\"")]
    [InlineData("double \\\\ slash", "\"double \\\\\\\\ slash\"")]
    [InlineData("mid string \" quote", "\"mid string \\\" quote\"")]
    [InlineData("🐱😀😛", "\"🐱😀😛\"")]
    [InlineData("", "\"\"")]
    public void Quote_Strings_EscapedAsCelLiteral(string s, string expected) => Assert.Equal(expected, Str(_calls.Global("strings.quote", S(s))));

    [Fact]
    public void Quote_LoneSurrogate_ReplacementCharacter() =>
        Assert.Equal("\"lone \uFFFD\"", Str(_calls.Global("strings.quote", S("lone \uD800"))));

    [Theory]
    [InlineData("charAt", 2)]
    [InlineData("indexOf", 2)]
    [InlineData("split", 2)]
    [InlineData("substring", 2)]
    public void Functions_NonStringReceiver_NoSuchOverload(string name, int arity)
    {
        var args = new CelValue[arity];
        args[0] = I(42);
        for (var i = 1; i < arity; i++) args[i] = S("2");
        Assert.Contains("no such overload", Err(_calls.Member(name, args)), StringComparison.Ordinal);
    }

    private static string[] Strings(CelValue v)
    {
        Assert.Equal(CelValueKind.List, v.Kind);
        return [.. v.AsList.Select(Str)];
    }
}
