using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class CoreFunctionsTests
{
    private readonly LibraryCalls _lib = new(CoreFunctions.Register);

    [Theory]
    [InlineData("", 0)]
    [InlineData("A", 1)]
    [InlineData("ÿ", 1)]
    [InlineData("πέντε", 5)]
    [InlineData("😀", 1)]
    [InlineData("a😀b", 3)]
    public void Size_String_CountsCodePoints(string input, long expected)
    {
        AssertInt(expected, _lib.Global("size", S(input)));
        AssertInt(expected, _lib.Member("size", S(input)));
    }

    [Fact]
    public void Size_BytesListMap_CountsElements()
    {
        AssertInt(3, _lib.Global("size", CelValue.Bytes([1, 2, 3])));
        AssertInt(0, _lib.Global("size", CelValue.List(CelList.Empty)));
        AssertInt(2, _lib.Member("size", CelValue.List(CelList.Of([CelValue.Int(1), CelValue.Int(2)]))));
        var map = CelMap.NewDictionary();
        map[CelValue.Int(1)] = S("one");
        AssertInt(1, _lib.Global("size", CelValue.Map(CelMap.Of(map))));
    }

    [Fact]
    public void Size_Int_NoSuchOverload() => AssertError(_lib.Global("size", CelValue.Int(1)), "no such overload");

    [Fact]
    public void OptionalOf_Null_HasValue() =>
        Assert.True(_lib.Member("hasValue", _lib.Global("optional.of", CelValue.Null)).AsBool);

    [Fact]
    public void OptionalNone_HasNoValue()
    {
        var none = _lib.Global("optional.none");
        Assert.False(_lib.Member("hasValue", none).AsBool);
        AssertError(_lib.Member("value", none), "optional.none() dereference");
    }

    [Fact]
    public void Or_FirstPresentWins()
    {
        var none = _lib.Global("optional.none");
        var some = _lib.Global("optional.of", CelValue.Int(42));
        var other = _lib.Global("optional.of", CelValue.Int(20));
        AssertInt(42, _lib.Member("value", _lib.Member("or", some, other)));
        AssertInt(20, _lib.Member("value", _lib.Member("or", none, other)));
        Assert.False(_lib.Member("hasValue", _lib.Member("or", none, none)).AsBool);
    }

    [Fact]
    public void OrValue_NoneGivesDefault()
    {
        AssertInt(42, _lib.Member("orValue", _lib.Global("optional.none"), CelValue.Int(42)));
        AssertString("x", _lib.Member("orValue", _lib.Global("optional.of", S("x")), S("default")));
    }

    public static TheoryData<string, CelValue> ZeroValues => new()
    {
        { "null", CelValue.Null },
        { "false", CelValue.False },
        { "0", CelValue.Int(0) },
        { "0u", CelValue.Uint(0) },
        { "0.0", CelValue.Double(0) },
        { "-0.0", CelValue.Double(-0.0) },
        { "''", S("") },
        { "b''", CelValue.Bytes([]) },
        { "[]", CelValue.List(CelList.Empty) },
        { "{}", CelValue.Map(CelMap.Empty) },
        { "duration 0", CelValue.Duration(0) },
        { "epoch", CelValue.Timestamp(0, 0) },
    };

    [Theory]
    [MemberData(nameof(ZeroValues))]
    public void OfNonZeroValue_ZeroValue_IsNone(string label, CelValue zero)
    {
        Assert.NotNull(label);
        Assert.False(_lib.Member("hasValue", _lib.Global("optional.ofNonZeroValue", zero)).AsBool);
    }

    [Fact]
    public void OfNonZeroValue_NonZero_IsPresent()
    {
        AssertInt(42, _lib.Member("value", _lib.Global("optional.ofNonZeroValue", CelValue.Int(42))));
        Assert.True(_lib.Member("hasValue", _lib.Global("optional.ofNonZeroValue", CelValue.True)).AsBool);
        Assert.True(_lib.Member("hasValue", _lib.Global("optional.ofNonZeroValue", CelValue.Timestamp(1, 0))).AsBool);
    }

    [Fact]
    public void OptionalMembers_OnNonOptional_NoSuchOverload()
    {
        AssertError(_lib.Member("hasValue", CelValue.Int(1)), "no such overload");
        AssertError(_lib.Member("value", CelValue.Int(1)), "no such overload");
        AssertError(_lib.Member("or", CelValue.Int(1), _lib.Global("optional.none")), "no such overload");
        AssertError(_lib.Member("or", _lib.Global("optional.none"), CelValue.Int(1)), "no such overload");
        AssertError(_lib.Member("orValue", CelValue.Int(1), CelValue.Int(2)), "no such overload");
    }
}
