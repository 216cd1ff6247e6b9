using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class MathExtensionTests
{
    private readonly LibraryCalls _calls = new(MathExtension.Register);

    [Fact]
    public void Greatest_MixedTypes_WinnerKeepsItsType()
    {
        Assert.Equal(I(-5), _calls.Global("math.greatest", I(-5)));
        Assert.Equal(I(5), _calls.Global("math.greatest", I(-7), I(5)));
        Assert.Equal(U(5), _calls.Global("math.greatest", U(5), I(-7)));
        Assert.Equal(U(3), _calls.Global("math.greatest", I(-3), U(3)));
        Assert.Equal(I(long.MaxValue), _calls.Global("math.greatest", D(5.4), I(10), U(3), D(-5.0), I(long.MaxValue)));
        Assert.Equal(U(ulong.MaxValue), _calls.Global("math.greatest", D(5.4), I(10), U(3), D(-5.0), U(ulong.MaxValue)));
        Assert.Equal(D(1.797693e308), _calls.Global("math.greatest", I(1), D(1.797693e308)));
        Assert.Equal(I(10), _calls.Global("math.greatest", L(D(5.4), I(10), U(3), D(-5.0), D(3.5))));
    }

    [Fact]
    public void Least_MixedTypes_WinnerKeepsItsType()
    {
        Assert.Equal(I(long.MinValue), _calls.Global("math.least", I(1), I(long.MinValue)));
        Assert.Equal(D(-5.0), _calls.Global("math.least", D(5.4), I(10), U(3), D(-5.0), I(long.MaxValue)));
        Assert.Equal(U(1), _calls.Global("math.least", L(D(5.4), U(10), U(3), U(1), D(3.5))));
        Assert.Equal(D(-7.5), _calls.Global("math.least", D(5.5), D(-7.5)));
    }

    [Fact]
    public void Greatest_EmptyOrNonNumeric_Error()
    {
        Assert.True(_calls.Global("math.greatest", L()).IsError);
        Assert.True(_calls.Global("math.greatest").IsError);
        Assert.Contains("no such overload", Err(_calls.Global("math.greatest", I(1), S("x"))), StringComparison.Ordinal);
        Assert.Contains("no such overload", Err(_calls.Global("math.least", L(I(1), S("x")))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("math.ceil", -1.2, -1.0)]
    [InlineData("math.ceil", 1.2, 2.0)]
    [InlineData("math.floor", -1.2, -2.0)]
    [InlineData("math.floor", 1.2, 1.0)]
    [InlineData("math.round", -1.6, -2.0)]
    [InlineData("math.round", -1.4, -1.0)]
    [InlineData("math.round", -1.5, -2.0)]
    [InlineData("math.round", 1.5, 2.0)]
    [InlineData("math.round", 2.5, 3.0)]
    [InlineData("math.trunc", -1.2, -1.0)]
    [InlineData("math.abs", -11.5, 11.5)]
    [InlineData("math.sign", -32.0, -1.0)]
    [InlineData("math.sign", 0.0, 0.0)]
    [InlineData("math.sign", 100.5, 1.0)]
    [InlineData("math.sqrt", 81.0, 9.0)]
    public void DoubleFunctions_Values_ReturnExpected(string name, double input, double expected) =>
        Assert.Equal(D(expected), _calls.Global(name, D(input)));

    [Fact]
    public void DoubleFunctions_IntArgument_NoSuchOverload()
    {
        foreach (var name in new[] { "math.ceil", "math.floor", "math.round", "math.trunc", "math.isNaN", "math.isInf", "math.isFinite" })
            Assert.Contains("no such overload", Err(_calls.Global(name, I(1))), StringComparison.Ordinal);
        Assert.Contains("no such overload", Err(_calls.Global("math.sign", CelValue.True)), StringComparison.Ordinal);
    }

    [Fact]
    public void Classification_NaNAndInfinity_Detected()
    {
        Assert.Equal(CelValue.True, _calls.Global("math.isNaN", D(double.NaN)));
        Assert.Equal(CelValue.False, _calls.Global("math.isNaN", D(double.PositiveInfinity)));
        Assert.Equal(CelValue.True, _calls.Global("math.isInf", D(double.NegativeInfinity)));
        Assert.Equal(CelValue.False, _calls.Global("math.isFinite", D(double.NaN)));
        Assert.Equal(CelValue.True, _calls.Global("math.isFinite", D(1 / 1.5)));
        Assert.True(double.IsNaN(_calls.Global("math.round", D(double.NaN)).AsDouble));
    }

    [Fact]
    public void AbsAndSign_Integers_KeepType()
    {
        Assert.Equal(U(1), _calls.Global("math.abs", U(1)));
        Assert.Equal(I(11), _calls.Global("math.abs", I(-11)));
        Assert.Equal("integer overflow", Err(_calls.Global("math.abs", I(long.MinValue))));
        Assert.Equal(U(1), _calls.Global("math.sign", U(100)));
        Assert.Equal(U(0), _calls.Global("math.sign", U(0)));
        Assert.Equal(I(-1), _calls.Global("math.sign", I(-11)));
        Assert.Equal(I(0), _calls.Global("math.sign", I(0)));
    }

    [Fact]
    public void Bitwise_IntsAndUints_Computed()
    {
        Assert.Equal(I(1), _calls.Global("math.bitAnd", I(1), I(-1)));
        Assert.Equal(U(1), _calls.Global("math.bitAnd", U(1), U(3)));
        Assert.Equal(I(-2), _calls.Global("math.bitOr", I(4), I(-2)));
        Assert.Equal(I(-6), _calls.Global("math.bitXor", I(4), I(-2)));
        Assert.Equal(I(-2), _calls.Global("math.bitNot", I(1)));
        Assert.Equal(U(ulong.MaxValue - 1), _calls.Global("math.bitNot", U(1)));
        Assert.Contains("no such overload", Err(_calls.Global("math.bitAnd", U(2), S(""))), StringComparison.Ordinal);
        Assert.Contains("no such overload", Err(_calls.Global("math.bitOr", I(1), U(1))), StringComparison.Ordinal);
    }

    [Fact]
    public void Shifts_LargeAndNegativeCounts_FollowCelGo()
    {
        Assert.Equal(I(4), _calls.Global("math.bitShiftLeft", I(1), I(2)));
        Assert.Equal(I(0), _calls.Global("math.bitShiftLeft", I(-1), I(200)));
        Assert.Equal(U(0), _calls.Global("math.bitShiftLeft", U(1), I(200)));
        Assert.Equal(I(256), _calls.Global("math.bitShiftRight", I(1024), I(2)));
        Assert.Equal(I(0), _calls.Global("math.bitShiftRight", I(1024), I(64)));
        Assert.Equal(I(2305843009213693824), _calls.Global("math.bitShiftRight", I(-1024), I(3)));
        Assert.Contains("negative offset", Err(_calls.Global("math.bitShiftLeft", U(1), I(-1))), StringComparison.Ordinal);
        Assert.Contains("negative offset", Err(_calls.Global("math.bitShiftRight", U(1), I(-1))), StringComparison.Ordinal);
        Assert.Contains("no such overload", Err(_calls.Global("math.bitShiftLeft", D(4.3), I(1))), StringComparison.Ordinal);
    }
}
