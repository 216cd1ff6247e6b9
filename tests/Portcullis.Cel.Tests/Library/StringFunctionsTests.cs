using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class StringFunctionsTests
{
    private readonly LibraryCalls _calls = new(StringFunctions.Register);

    [Theory]
    [InlineData("contains", "hello", "he", true)]
    [InlineData("contains", "hello", "", true)]
    [InlineData("contains", "hello", "ol", false)]
    [InlineData("contains", "abababc", "ababc", true)]
    [InlineData("contains", "🐱😀😁", "😀", true)]
    [InlineData("contains", "", "something", false)]
    [InlineData("startsWith", "foobar", "foo", true)]
    [InlineData("startsWith", "", "foo", false)]
    [InlineData("startsWith", "🐱😀😛", "🐱", true)]
    [InlineData("endsWith", "forté", "té", true)]
    [InlineData("endsWith", "foobar", "foo", false)]
    [InlineData("endsWith", "", "", true)]
    public void Predicate_ConformanceCases_ReturnExpected(string name, string s, string arg, bool expected) =>
        Assert.Equal(CelValue.Bool(expected), _calls.Member(name, S(s), S(arg)));

    [Theory]
    [InlineData("hubba", "ubb", true)]
    [InlineData("", "foo|bar", false)]
    [InlineData("cows", "", true)]
    [InlineData("grey", "gr(a|e)y", true)]
    [InlineData("banana", "ba(na)*", true)]
    [InlineData("mañana", "a+ñ+a+", true)]
    [InlineData("🐱😀😀", "(a|😀){2}", true)]
    public void Matches_MemberAndGlobal_FindAnywhere(string s, string re, bool expected)
    {
        Assert.Equal(CelValue.Bool(expected), _calls.Member("matches", S(s), S(re)));
        Assert.Equal(CelValue.Bool(expected), _calls.Global("matches", S(s), S(re)));
    }

    [Fact]
    public void Contains_NonString_NoSuchOverload() =>
        Assert.Contains("no such overload", Err(_calls.Member("contains", I(1), S("1"))), StringComparison.Ordinal);

    [Fact]
    public void Matches_InvalidPattern_ErrorValue() =>
        Assert.StartsWith("invalid regex:", Err(_calls.Member("matches", S("a"), S("(a"))), StringComparison.Ordinal);
}
