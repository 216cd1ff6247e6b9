using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class TimeFunctionsTests
{
    private readonly LibraryCalls _lib = new(TimeFunctions.Register);

    [Theory]
    [InlineData("getFullYear", 2009)]
    [InlineData("getMonth", 1)]
    [InlineData("getDate", 13)]
    [InlineData("getDayOfMonth", 12)]
    [InlineData("getDayOfYear", 43)]
    [InlineData("getDayOfWeek", 5)]
    [InlineData("getHours", 23)]
    [InlineData("getMinutes", 31)]
    [InlineData("getSeconds", 30)]
    [InlineData("getMilliseconds", 123)]
    public void Accessors_InUtc_MatchConformance(string name, long expected) =>
        AssertInt(expected, _lib.Member(name, Ts("2009-02-13T23:31:30.123456789Z")));

    [Theory]
    [InlineData("2009-02-13T23:31:30Z", "getDate", "Australia/Sydney", 14)]
    [InlineData("2009-02-13T23:31:30Z", "getDayOfMonth", "US/Central", 12)]
    [InlineData("2009-02-13T23:31:30Z", "getDayOfMonth", "+11:00", 13)]
    [InlineData("2009-02-13T02:00:00Z", "getDayOfMonth", "-02:30", 11)]
    [InlineData("2009-02-13T02:00:00Z", "getDayOfMonth", "America/St_Johns", 11)]
    [InlineData("2009-02-13T23:31:30Z", "getDayOfWeek", "UTC", 5)]
    [InlineData("2009-02-13T23:31:30Z", "getDayOfYear", "US/Central", 43)]
    [InlineData("2009-02-13T23:31:30Z", "getFullYear", "-09:30", 2009)]
    [InlineData("2009-02-13T23:31:30Z", "getHours", "02:00", 1)]
    [InlineData("2009-02-13T23:31:30Z", "getMinutes", "Asia/Kathmandu", 16)]
    [InlineData("2009-02-13T23:31:30Z", "getMonth", "UTC", 1)]
    [InlineData("2009-02-13T23:31:30Z", "getSeconds", "-00:00", 30)]
    [InlineData("2009-07-01T12:00:00Z", "getHours", "America/Los_Angeles", 5)]
    [InlineData("2009-01-01T12:00:00Z", "getHours", "America/Los_Angeles", 4)]
    [InlineData("2009-12-31T23:00:00Z", "getFullYear", "+01:00", 2010)]
    [InlineData("2009-12-31T23:00:00Z", "getDayOfYear", "+01:00", 0)]
    [InlineData("2008-12-31T12:00:00Z", "getDayOfYear", "UTC", 365)]
    public void Accessors_WithTimeZone_MatchConformance(string timestamp, string name, string zone, long expected) =>
        AssertInt(expected, _lib.Member(name, Ts(timestamp), S(zone)));

    [Fact]
    public void Accessors_ShiftBeforeYearOne_StillComputeFields()
    {
        var t = Ts("0001-01-01T00:00:00Z");
        AssertInt(0, _lib.Member("getFullYear", t, S("-08:00")));
        AssertInt(16, _lib.Member("getHours", t, S("-08:00")));
        AssertInt(1, _lib.Member("getDayOfWeek", t));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("+25:00")]
    [InlineData("+05:60")]
    [InlineData("5:3")]
    [InlineData("ab:cd")]
    [InlineData("")]
    public void Accessors_UnknownTimeZone_ReturnError(string zone) =>
        AssertError(_lib.Member("getHours", Ts("2009-02-13T23:31:30Z"), S(zone)), "time zone");

    [Fact]
    public void DurationAccessors_GiveTotalsAndMillisecondsWithinSecond()
    {
        AssertInt(2, _lib.Member("getHours", Dur("10000s")));
        AssertInt(62, _lib.Member("getMinutes", Dur("3730s")));
        AssertInt(3730, _lib.Member("getSeconds", Dur("3730s")));
        AssertInt(321, _lib.Member("getMilliseconds", Dur("123.321456789s")));
        AssertInt(-1, _lib.Member("getHours", Dur("-1.5h")));
    }

    [Fact]
    public void Accessors_OnWrongTypes_NoSuchOverload()
    {
        AssertError(_lib.Member("getFullYear", Dur("1s")), "no such overload");
        AssertError(_lib.Member("getHours", Dur("1s"), S("UTC")), "no such overload");
        AssertError(_lib.Member("getHours", CelValue.Int(1)), "no such overload");
        AssertError(_lib.Member("getHours", Ts("2009-02-13T23:31:30Z"), CelValue.Int(1)), "no such overload");
    }
}
