using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryTestHelper;

namespace Portcullis.Cel.Tests.Library;

public class CoreFunctionsTests
{
    private readonly LibraryTestHelper _lib = new(CoreFunctions.Register);

    [Theory]
    [InlineData("", 0)]
    [InlineData("A", 1)]
    [InlineData("ÿ", 1)]
    [InlineData("πέντε", 5)]
    [InlineData("😀", 1)]
    [InlineData("a😀b", 3)]
    public void Size_String_CountsCodePoints(string input, long expected)
    {
        AssertInt(expected, _lib.Call("size", Str(input)));
        AssertInt(expected, _lib.CallMember("size", Str(input)));
    }

    [Fact]
    public void Size_BytesListMap_CountsElements()
    {
        AssertInt(3, _lib.Call("size", CelValue.Bytes([1, 2, 3])));
        AssertInt(0, _lib.Call("size", CelValue.List(CelList.Empty)));
        AssertInt(2, _lib.CallMember("size", CelValue.List(CelList.Of([CelValue.Int(1), CelValue.Int(2)]))));
        var map = CelMap.NewDictionary();
        map[CelValue.Int(1)] = Str("one");
        AssertInt(1, _lib.Call("size", CelValue.Map(CelMap.Of(map))));
    }

    [Fact]
    public void Size_Int_NoSuchOverload() => AssertError(_lib.Call("size", CelValue.Int(1)), "no such overload");

    [Fact]
    public void OptionalOf_Null_HasValue() =>
        Assert.True(_lib.CallMember("hasValue", _lib.Call("optional.of", CelValue.Null)).AsBool);

    [Fact]
    public void OptionalNone_HasNoValue()
    {
        var none = _lib.Call("optional.none");
        Assert.False(_lib.CallMember("hasValue", none).AsBool);
        AssertError(_lib.CallMember("value", none), "optional.none() dereference");
    }

    [Fact]
    public void Or_FirstPresentWins()
    {
        var none = _lib.Call("optional.none");
        var some = _lib.Call("optional.of", CelValue.Int(42));
        var other = _lib.Call("optional.of", CelValue.Int(20));
        AssertInt(42, _lib.CallMember("value", _lib.CallMember("or", some, other)));
        AssertInt(20, _lib.CallMember("value", _lib.CallMember("or", none, other)));
        Assert.False(_lib.CallMember("hasValue", _lib.CallMember("or", none, none)).AsBool);
    }

    [Fact]
    public void OrValue_NoneGivesDefault()
    {
        AssertInt(42, _lib.CallMember("orValue", _lib.Call("optional.none"), CelValue.Int(42)));
        AssertString("x", _lib.CallMember("orValue", _lib.Call("optional.of", Str("x")), Str("default")));
    }

    public static TheoryData<string, CelValue> ZeroValues => new()
    {
        { "null", CelValue.Null },
        { "false", CelValue.False },
        { "0", CelValue.Int(0) },
        { "0u", CelValue.Uint(0) },
        { "0.0", CelValue.Double(0) },
        { "-0.0", CelValue.Double(-0.0) },
        { "''", Str("") },
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
        Assert.False(_lib.CallMember("hasValue", _lib.Call("optional.ofNonZeroValue", zero)).AsBool);
    }

    [Fact]
    public void OfNonZeroValue_NonZero_IsPresent()
    {
        AssertInt(42, _lib.CallMember("value", _lib.Call("optional.ofNonZeroValue", CelValue.Int(42))));
        Assert.True(_lib.CallMember("hasValue", _lib.Call("optional.ofNonZeroValue", CelValue.True)).AsBool);
        Assert.True(_lib.CallMember("hasValue", _lib.Call("optional.ofNonZeroValue", CelValue.Timestamp(1, 0))).AsBool);
    }

    [Fact]
    public void OptionalMembers_OnNonOptional_NoSuchOverload()
    {
        AssertError(_lib.CallMember("hasValue", CelValue.Int(1)), "no such overload");
        AssertError(_lib.CallMember("value", CelValue.Int(1)), "no such overload");
        AssertError(_lib.CallMember("or", CelValue.Int(1), _lib.Call("optional.none")), "no such overload");
        AssertError(_lib.CallMember("or", _lib.Call("optional.none"), CelValue.Int(1)), "no such overload");
        AssertError(_lib.CallMember("orValue", CelValue.Int(1), CelValue.Int(2)), "no such overload");
    }
}
