using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class StringFormatterTests
{
    private readonly LibraryCalls _calls = new(StringsExtension.Register);

    private string Format(string format, params CelValue[] args) => Str(_calls.Member("format", S(format), L(args)));

    private string FormatError(string format, params CelValue[] args) => Err(_calls.Member("format", S(format), L(args)));

    [Fact]
    public void Format_PercentEscapesAndSubstitution_Expanded()
    {
        Assert.Equal("no substitution", Format("no substitution"));
        Assert.Equal("% and also %", Format("%% and also %%"));
        Assert.Equal("%text%", Format("%%%s%%", S("text")));
        Assert.Equal("1 2 3, A B C", Format("%d %d %d, %s %s %s", I(1), I(2), I(3), S("A"), S("B"), S("C")));
    }

    [Theory]
    [InlineData("%.3f", 1.2345, "1.234")]
    [InlineData("%f", 2.71828, "2.718280")]
    [InlineData("%.0f", 123.0, "123")]
    [InlineData("%.0f", 3.5001, "4")]
    [InlineData("%.0f", 3.4999, "3")]
    [InlineData("%.0f", 1.5, "2")]
    [InlineData("%.0f", 2.5, "2")] // ties to even, as Go
    [InlineData("%.3f", 123.4999, "123.500")]
    [InlineData("%.3f", -123.4994, "-123.499")]
    [InlineData("%.5f", -1.2, "-1.20000")]
    [InlineData("%.6e", 1052.032911275, "1.052033e+03")]
    [InlineData("%e", 2.71828, "2.718280e+00")]
    [InlineData("%.2e", 0.000123, "1.23e-04")]
    [InlineData("%.0e", 5.0, "5e+00")]
    [InlineData("%e", 0.0, "0.000000e+00")]
    [InlineData("%d", double.NaN, "NaN")]
    [InlineData("%f", double.PositiveInfinity, "Infinity")]
    [InlineData("%e", double.NegativeInfinity, "-Infinity")]
    [InlineData("%s", 56.8, "56.8")]
    [InlineData("%s", 1e21, "1000000000000000000000")]
    [InlineData("%s", 1.5e-7, "0.00000015")]
    public void Format_Doubles_GoRounding(string format, double value, string expected) => Assert.Equal(expected, Format(format, D(value)));

    [Fact]
    public void Format_IntegerVerbs_AllRadixes()
    {
        Assert.Equal("101", Format("%b", I(5)));
        Assert.Equal("1000000", Format("%b", U(64)));
        Assert.Equal("1", Format("%b", CelValue.True));
        Assert.Equal("13", Format("%o", I(11)));
        Assert.Equal("177777", Format("%o", U(65535)));
        Assert.Equal("1e", Format("%x", I(30)));
        Assert.Equal("1E", Format("%X", I(30)));
        Assert.Equal("-1e", Format("%x", I(-30)));
        Assert.Equal("1770", Format("%X", U(6000)));
        Assert.Equal("48656c6c6f20776f726c6421", Format("%x", S("Hello world!")));
        Assert.Equal("6279746520737472696E67", Format("%X", CelValue.Bytes("byte string"u8.ToArray())));
        Assert.Equal("64", Format("%d", U(64)));
        Assert.Equal("2.000", Format("%.3f", I(2)));
    }

    [Fact]
    public void Format_StringClause_EveryType()
    {
        Assert.Equal("null", Format("%s", CelValue.Null));
        Assert.Equal("999999999999", Format("%s", I(999999999999)));
        Assert.Equal("xyz", Format("%s", CelValue.Bytes("xyz"u8.ToArray())));
        Assert.Equal("string", Format("%s", CelValue.Type(CelType.String)));
        Assert.Equal("true, false", Format("%s, %s", CelValue.True, CelValue.False));
        Assert.Equal("2023-02-03T23:31:20Z", Format("%s", CelValue.Timestamp(1675467080, 0)));
        Assert.Equal("2023-02-03T23:31:20.5Z", Format("%s", CelValue.Timestamp(1675467080, 500_000_000)));
        Assert.Equal("6347s", Format("%s", CelValue.Duration(6347L * 1_000_000_000)));
        Assert.Equal("1.5s", Format("%s", CelValue.Duration(1_500_000_000)));
        Assert.Equal("[abc, 3.14, null, [9, 8, 7, 6], 2023-02-03T23:31:20Z]",
            Format("%s", L(S("abc"), D(3.14), CelValue.Null, L(I(9), I(8), I(7), I(6)), CelValue.Timestamp(1675467080, 0))));
        Assert.Equal("[NaN, Infinity, -Infinity]", Format("%s", L(D(double.NaN), D(double.PositiveInfinity), D(double.NegativeInfinity))));
    }

    [Fact]
    public void Format_Maps_SortedByFormattedKey()
    {
        var map = CelMap.NewDictionary();
        map[S("strKey")] = S("x");
        map[I(6)] = CelValue.Duration(422L * 1_000_000_000);
        map[CelValue.True] = I(42);
        Assert.Equal("{6: 422s, strKey: x, true: 42}", Format("%s", CelValue.Map(CelMap.Of(map))));
    }

    [Theory]
    [InlineData("%a", "could not parse formatting clause: unrecognized formatting clause \"a\"")]
    [InlineData("%E", "could not parse formatting clause: unrecognized formatting clause \"E\"")]
    [InlineData("%d %d %d", "index 2 out of range")]
    public void Format_BadClause_Error(string format, string expected) => Assert.Equal(expected, FormatError(format, I(0), I(1)));

    [Fact]
    public void Format_WrongArgumentType_ErrorDuringFormatting()
    {
        Assert.StartsWith("error during formatting: only ints, uints, and bools can be formatted as binary", FormatError("%b", S("abc")), StringComparison.Ordinal);
        Assert.StartsWith("error during formatting: decimal clause", FormatError("%d", CelValue.Duration(1)), StringComparison.Ordinal);
        Assert.StartsWith("error during formatting: octal clause", FormatError("%o", S("a")), StringComparison.Ordinal);
        Assert.StartsWith("error during formatting: only ints, uints, bytes, and strings can be formatted as hex", FormatError("%x", D(0.5)), StringComparison.Ordinal);
        Assert.EndsWith("was given null_type", FormatError("%e", CelValue.Null), StringComparison.Ordinal);
        Assert.EndsWith("was given null_type", FormatError("%f", CelValue.Null), StringComparison.Ordinal);
        Assert.StartsWith("error during formatting: string clause", FormatError("%s", L(I(1), CelValue.OptionalNone)), StringComparison.Ordinal);
    }
}
