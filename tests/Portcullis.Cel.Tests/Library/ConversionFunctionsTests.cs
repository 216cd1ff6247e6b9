using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class ConversionFunctionsTests
{
    private readonly LibraryCalls _lib = new(ConversionFunctions.Register);

    [Theory]
    [InlineData(-123.456, -123)]
    [InlineData(1.9, 1)]
    [InlineData(-7.9, -7)]
    [InlineData(11.5, 11)]
    [InlineData(36028797018963968.0, 36028797018963968)]
    public void Int_FromDouble_Truncates(double input, long expected) => AssertInt(expected, _lib.Global("int", CelValue.Double(input)));

    [Theory]
    [InlineData(9223372036854775807.0)]
    [InlineData(-9223372036854775808.0)]
    [InlineData(1e99)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Int_FromDoubleOutOfRange_ReturnsRangeError(double input) => AssertError(_lib.Global("int", CelValue.Double(input)), "range");

    [Fact]
    public void Int_FromUint_ChecksRange()
    {
        AssertInt(long.MaxValue, _lib.Global("int", CelValue.Uint(long.MaxValue)));
        AssertError(_lib.Global("int", CelValue.Uint(ulong.MaxValue)), "range");
    }

    [Theory]
    [InlineData("987", 987)]
    [InlineData("-42", -42)]
    [InlineData("+7", 7)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Int_FromString_Parses(string input, long expected) => AssertInt(expected, _lib.Global("int", S(input)));

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    [InlineData("9223372036854775808")]
    public void Int_FromBadString_ReturnsError(string input) => AssertError(_lib.Global("int", S(input)));

    [Fact]
    public void Int_FromTimestamp_GivesUnixSeconds() =>
        AssertInt(1095379199, _lib.Global("int", _lib.Global("timestamp", S("2004-09-16T23:59:59Z"))));

    [Fact]
    public void Uint_Conversions_MatchConformance()
    {
        Assert.Equal(1729UL, _lib.Global("uint", CelValue.Int(1729)).AsUint);
        Assert.Equal(25UL, _lib.Global("uint", CelValue.Double(25.5)).AsUint);
        Assert.Equal(300UL, _lib.Global("uint", S("300")).AsUint);
        AssertError(_lib.Global("uint", CelValue.Int(-1)), "range");
        AssertError(_lib.Global("uint", CelValue.Double(6.022e23)), "range");
        AssertError(_lib.Global("uint", CelValue.Double(18446744073709551615.0)), "range");
        AssertError(_lib.Global("uint", CelValue.Double(-0.5)), "range");
        AssertError(_lib.Global("uint", S("-1")));
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("-0.0", -0.0)]
    [InlineData("123.456", 123.456)]
    [InlineData("6.02214e23", 6.02214e23)]
    [InlineData("-84.32e7", -843200000.0)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("+INF", double.PositiveInfinity)]
    public void Double_FromString_Parses(string input, double expected) => Assert.Equal(expected, _lib.Global("double", S(input)).AsDouble);

    [Fact]
    public void Double_FromNaNString_IsNaN() => Assert.True(double.IsNaN(_lib.Global("double", S("NaN")).AsDouble));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData(" 1")]
    [InlineData("1,000")]
    [InlineData("1e400")]
    public void Double_FromBadString_ReturnsError(string input) => AssertError(_lib.Global("double", S(input)));

    [Fact]
    public void Double_FromIntegers_Converts()
    {
        Assert.Equal(9223372036854775807.0, _lib.Global("double", CelValue.Int(long.MaxValue)).AsDouble);
        Assert.Equal(18446744073709551615.0, _lib.Global("double", CelValue.Uint(ulong.MaxValue)).AsDouble);
    }

    [Theory]
    [InlineData(123.456, "123.456")]
    [InlineData(-4.5e-3, "-0.0045")]
    [InlineData(1.0, "1")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e100, "1e+100")]
    [InlineData(1e6, "1e+06")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-0.0, "-0")]
    [InlineData(9223372036854775807.0, "9.223372036854776e+18")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NaN, "NaN")]
    public void String_FromDouble_FormatsLikeReference(double input, string expected) => AssertString(expected, _lib.Global("string", CelValue.Double(input)));

    [Fact]
    public void String_FromScalars_Formats()
    {
        AssertString("-456", _lib.Global("string", CelValue.Int(-456)));
        AssertString("9876", _lib.Global("string", CelValue.Uint(9876)));
        AssertString("true", _lib.Global("string", CelValue.True));
        AssertString("hello", _lib.Global("string", S("hello")));
    }

    [Fact]
    public void String_FromBytes_RequiresValidUtf8()
    {
        AssertString("ÿ", _lib.Global("string", CelValue.Bytes([0xC3, 0xBF])));
        AssertError(_lib.Global("string", CelValue.Bytes([0x00, 0xFF])), "UTF-8");
    }

    [Theory]
    [InlineData("2009-02-13T23:31:30Z", "2009-02-13T23:31:30Z")]
    [InlineData("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z")]
    [InlineData("2009-02-13T23:31:30.500Z", "2009-02-13T23:31:30.5Z")]
    [InlineData("2009-02-13T23:31:30.000001Z", "2009-02-13T23:31:30.000001Z")]
    [InlineData("2009-02-14T05:01:30+05:30", "2009-02-13T23:31:30Z")]
    [InlineData("2009-02-13T15:31:30-08:00", "2009-02-13T23:31:30Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z")]
    [InlineData("2000-02-29T12:00:00Z", "2000-02-29T12:00:00Z")]
    public void String_FromTimestamp_IsRfc3339Utc(string input, string expected) =>
        AssertString(expected, _lib.Global("string", _lib.Global("timestamp", S(input))));

    [Theory]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("2009-02-13")]
    [InlineData("2009-02-13 23:31:30Z")]
    [InlineData("2009-02-30T00:00:00Z")]
    [InlineData("2001-02-29T00:00:00Z")]
    [InlineData("2009-02-13T24:00:00Z")]
    [InlineData("2009-02-13T23:31:30.1234567890Z")]
    [InlineData("2009-02-13T23:31:30.Z")]
    [InlineData("2009-02-13T23:31:30")]
    [InlineData("2009-02-13T23:31:30+0530")]
    public void Timestamp_FromBadString_ReturnsError(string input) => AssertError(_lib.Global("timestamp", S(input)));

    [Fact]
    public void Timestamp_FromInt_IsUnixSeconds()
    {
        var t = _lib.Global("timestamp", CelValue.Int(1_000_000_000));
        AssertString("2001-09-09T01:46:40Z", _lib.Global("string", t));
        AssertError(_lib.Global("timestamp", CelValue.Int(long.MaxValue)), "range");
    }

    [Theory]
    [InlineData("1000000s", 1_000_000_000_000_000)]
    [InlineData("1h2m3.5s", 3_723_500_000_000)]
    [InlineData("-1.5h", -5_400_000_000_000)]
    [InlineData("10ms", 10_000_000)]
    [InlineData("5us", 5_000)]
    [InlineData("5µs", 5_000)]
    [InlineData("100ns", 100)]
    [InlineData("0", 0)]
    [InlineData("-0s", 0)]
    [InlineData(".5s", 500_000_000)]
    [InlineData("1.s", 1_000_000_000)]
    [InlineData("1m1m", 120_000_000_000)]
    [InlineData("-999999999ns", -999_999_999)]
    [InlineData("-9223372036.854775808s", long.MinValue)]
    public void Duration_FromString_ParsesGoSyntax(string input, long expectedNanos)
    {
        var d = _lib.Global("duration", S(input));
        Assert.Equal(CelValueKind.Duration, d.Kind);
        Assert.Equal(expectedNanos, d.DurationNanos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("s")]
    [InlineData(".s")]
    [InlineData("1d")]
    [InlineData("1 s")]
    [InlineData("--1s")]
    public void Duration_FromBadString_ReturnsError(string input) => AssertError(_lib.Global("duration", S(input)), "invalid duration");

    [Theory]
    [InlineData("320000000000s")]
    [InlineData("-320000000000s")]
    [InlineData("9223372036.854775808s")]
    [InlineData("99999999999999999999h")]
    public void Duration_OutOfRange_ReturnsRangeError(string input) => AssertError(_lib.Global("duration", S(input)), "range");

    [Theory]
    [InlineData("1000000s", "1000000s")]
    [InlineData("1.5s", "1.5s")]
    [InlineData("-1.5s", "-1.5s")]
    [InlineData("1ns", "0.000000001s")]
    [InlineData("0s", "0s")]
    [InlineData("1h", "3600s")]
    public void String_FromDuration_IsSeconds(string input, string expected) =>
        AssertString(expected, _lib.Global("string", _lib.Global("duration", S(input))));

    [Fact]
    public void String_FromMostNegativeDuration_IsExact() =>
        AssertString("-9223372036.854775808s", _lib.Global("string", CelValue.Duration(long.MinValue)));

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("FALSE", false)]
    [InlineData("False", false)]
    public void Bool_FromString_AcceptsReferenceSpellings(string input, bool expected) =>
        Assert.Equal(expected, _lib.Global("bool", S(input)).AsBool);

    [Theory]
    [InlineData("TrUe")]
    [InlineData("FaLsE")]
    [InlineData("yes")]
    [InlineData("")]
    public void Bool_FromOtherString_ReturnsError(string input) => AssertError(_lib.Global("bool", S(input)));

    [Fact]
    public void Bytes_FromString_IsUtf8() => Assert.Equal([0xC3, 0xBF], _lib.Global("bytes", S("ÿ")).AsBytes);

    [Fact]
    public void Identity_SameType_ReturnsInput()
    {
        AssertInt(1, _lib.Global("int", CelValue.Int(1)));
        Assert.Equal(1UL, _lib.Global("uint", CelValue.Uint(1)).AsUint);
        Assert.Equal(5.5, _lib.Global("double", CelValue.Double(5.5)).AsDouble);
        Assert.True(_lib.Global("bool", CelValue.True).AsBool);
        Assert.Equal([1, 2], _lib.Global("bytes", CelValue.Bytes([1, 2])).AsBytes);
        Assert.Equal(100, _lib.Global("duration", CelValue.Duration(100)).DurationNanos);
        Assert.Equal(7, _lib.Global("timestamp", CelValue.Timestamp(7, 0)).TimestampSeconds);
        AssertInt(3, _lib.Global("dyn", CelValue.Int(3)));
    }

    [Fact]
    public void Type_OfValues_GivesTypes()
    {
        Assert.Equal(CelType.Int, _lib.Global("type", CelValue.Int(0)).AsType);
        Assert.Equal(CelType.Null, _lib.Global("type", CelValue.Null).AsType);
        Assert.Equal(CelType.Timestamp, _lib.Global("type", CelValue.Timestamp(0, 0)).AsType);
        Assert.Equal(CelType.Type, _lib.Global("type", CelValue.Type(CelType.Int)).AsType);
        Assert.Equal(CelType.Type, _lib.Global("type", _lib.Global("type", CelValue.Int(0))).AsType);
    }

    [Fact]
    public void Conversions_UnsupportedType_NoSuchOverload()
    {
        AssertError(_lib.Global("int", CelValue.True), "no such overload");
        AssertError(_lib.Global("bytes", CelValue.Int(1)), "no such overload");
        AssertError(_lib.Global("timestamp", CelValue.Double(1)), "no such overload");
        AssertError(_lib.Global("duration", CelValue.Int(1)), "no such overload");
    }
}
