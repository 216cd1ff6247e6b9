using Portcullis.Cel.Library;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class ArithmeticFunctionsTests
{
    private readonly LibraryCalls _lib = new(ArithmeticFunctions.Register);

    [Theory]
    [InlineData(Operators.Add, 40, 2, 42)]
    [InlineData(Operators.Subtract, 42, -22, 64)]
    [InlineData(Operators.Multiply, -30, -2, 60)]
    [InlineData(Operators.Divide, -80, -2, 40)]
    [InlineData(Operators.Modulo, 43, -5, 3)]
    [InlineData(Operators.Modulo, -42, -5, -2)]
    [InlineData(Operators.Modulo, -3, 5, -3)]
    public void IntOperators_InRange_MatchConformance(string op, long a, long b, long expected) =>
        AssertInt(expected, _lib.Global(op, CelValue.Int(a), CelValue.Int(b)));

    [Theory]
    [InlineData(Operators.Add, long.MaxValue, 1)]
    [InlineData(Operators.Subtract, long.MinValue, 1)]
    [InlineData(Operators.Add, long.MinValue, -1)]
    [InlineData(Operators.Subtract, 1, -long.MaxValue)]
    [InlineData(Operators.Multiply, long.MinValue, -1)]
    [InlineData(Operators.Multiply, 5_000_000_000, 5_000_000_000)]
    [InlineData(Operators.Multiply, -5_000_000_000, 5_000_000_000)]
    [InlineData(Operators.Divide, long.MinValue, -1)]
    [InlineData(Operators.Modulo, long.MinValue, -1)]
    public void IntOperators_Overflow_ReturnIntegerOverflow(string op, long a, long b) =>
        AssertError(_lib.Global(op, CelValue.Int(a), CelValue.Int(b)), "integer overflow");

    [Fact]
    public void Multiply_LargeProductInRange_IsExact() =>
        AssertInt(long.MinValue, _lib.Global(Operators.Multiply, CelValue.Int(long.MinValue / 2), CelValue.Int(2)));

    [Fact]
    public void Negate_IntMinValue_ReturnsIntegerOverflow() =>
        AssertError(_lib.Global(Operators.Negate, CelValue.Int(long.MinValue)), "integer overflow");

    [Fact]
    public void Negate_IntAndDouble_Negates()
    {
        AssertInt(-42, _lib.Global(Operators.Negate, CelValue.Int(42)));
        Assert.Equal(-4.5, _lib.Global(Operators.Negate, CelValue.Double(4.5)).AsDouble);
    }

    [Fact]
    public void Negate_UintOrBool_NoSuchOverload()
    {
        AssertError(_lib.Global(Operators.Negate, CelValue.Uint(42)), "no such overload");
        AssertError(_lib.Global(Operators.Negate, CelValue.False), "no such overload");
    }

    [Fact]
    public void DivideAndModulo_ByZero_ReturnErrors()
    {
        AssertError(_lib.Global(Operators.Divide, CelValue.Int(15), CelValue.Int(0)), "division by zero");
        AssertError(_lib.Global(Operators.Modulo, CelValue.Int(34), CelValue.Int(0)), "modulus by zero");
        AssertError(_lib.Global(Operators.Divide, CelValue.Uint(15), CelValue.Uint(0)), "division by zero");
        AssertError(_lib.Global(Operators.Modulo, CelValue.Uint(34), CelValue.Uint(0)), "modulus by zero");
    }

    [Fact]
    public void UintOperators_InRangeAndOverflow()
    {
        Assert.Equal(44UL, _lib.Global(Operators.Add, CelValue.Uint(42), CelValue.Uint(2)).AsUint);
        Assert.Equal(2UL, _lib.Global(Operators.Modulo, CelValue.Uint(42), CelValue.Uint(5)).AsUint);
        AssertError(_lib.Global(Operators.Add, CelValue.Uint(ulong.MaxValue), CelValue.Uint(1)), "overflow");
        AssertError(_lib.Global(Operators.Subtract, CelValue.Uint(0), CelValue.Uint(1)), "overflow");
        AssertError(_lib.Global(Operators.Multiply, CelValue.Uint(5_000_000_000), CelValue.Uint(5_000_000_000)), "overflow");
    }

    [Fact]
    public void DoubleOperators_FollowIeee()
    {
        Assert.Equal(19.5, _lib.Global(Operators.Add, CelValue.Double(4.25), CelValue.Double(15.25)).AsDouble);
        Assert.Equal(double.PositiveInfinity, _lib.Global(Operators.Divide, CelValue.Double(15.75), CelValue.Double(0)).AsDouble);
        Assert.Equal(double.NegativeInfinity, _lib.Global(Operators.Multiply, CelValue.Double(2), CelValue.Double(-8.988466e+307)).AsDouble);
        Assert.True(double.IsNaN(_lib.Global(Operators.Divide, CelValue.Double(0), CelValue.Double(0)).AsDouble));
    }

    [Fact]
    public void Modulo_Double_NoSuchOverload() =>
        AssertError(_lib.Global(Operators.Modulo, CelValue.Double(47.5), CelValue.Double(5.5)), "no such overload");

    [Fact]
    public void Add_MixedNumericTypes_NoSuchOverload()
    {
        AssertError(_lib.Global(Operators.Add, CelValue.Int(1), CelValue.Uint(1)), "no such overload");
        AssertError(_lib.Global(Operators.Add, CelValue.Int(1), CelValue.Double(1)), "no such overload");
    }

    [Fact]
    public void Add_StringsBytesLists_Concatenate()
    {
        AssertString("abcd", _lib.Global(Operators.Add, S("ab"), S("cd")));
        Assert.Equal([1, 2, 3], _lib.Global(Operators.Add, CelValue.Bytes([1]), CelValue.Bytes([2, 3])).AsBytes);
        var list = _lib.Global(Operators.Add, CelValue.List(CelList.Of([CelValue.Int(1)])), CelValue.List(CelList.Of([S("x")])));
        Assert.Equal(["1", "\"x\""], list.AsList.Select(v => v.ToString()));
    }

    [Fact]
    public void Add_TimestampAndDuration_EitherOrder()
    {
        var expected = Ts("2009-02-13T23:04:00Z");
        Assert.True(CelOperators.EqualsValue(expected, _lib.Global(Operators.Add, Ts("2009-02-13T23:00:00Z"), Dur("240s"))));
        Assert.True(CelOperators.EqualsValue(expected, _lib.Global(Operators.Add, Dur("240s"), Ts("2009-02-13T23:00:00Z"))));
    }

    [Fact]
    public void Add_NanosCarryAndBorrow_MatchConformance()
    {
        var borrow = _lib.Global(Operators.Add, Ts("0001-01-01T00:00:01.000000001Z"), Dur("-999999999ns"));
        Assert.True(CelOperators.EqualsValue(Ts("0001-01-01T00:00:00.000000002Z"), borrow));
        var carry = _lib.Global(Operators.Add, Ts("0001-01-01T00:00:01.999999999Z"), Dur("999999999ns"));
        Assert.True(CelOperators.EqualsValue(Ts("0001-01-01T00:00:02.999999998Z"), carry));
    }

    [Fact]
    public void Subtract_Timestamps_GivesDuration()
    {
        var result = _lib.Global(Operators.Subtract, Ts("2009-02-13T23:31:00Z"), Ts("2009-02-13T23:29:00Z"));
        Assert.Equal(CelValueKind.Duration, result.Kind);
        Assert.Equal(120_000_000_000, result.DurationNanos);
    }

    [Fact]
    public void Subtract_DurationFromTimestampAndDuration()
    {
        Assert.True(CelOperators.EqualsValue(Ts("2009-02-13T23:00:00Z"), _lib.Global(Operators.Subtract, Ts("2009-02-13T23:10:00Z"), Dur("600s"))));
        Assert.Equal(858_000_000_000, _lib.Global(Operators.Subtract, Dur("900s"), Dur("42s")).DurationNanos);
    }

    [Fact]
    public void TimestampArithmetic_OutOfRange_ReturnsRangeError()
    {
        AssertError(_lib.Global(Operators.Add, Ts("0001-01-01T00:00:00Z"), Dur("-1ns")), "range");
        AssertError(_lib.Global(Operators.Add, Ts("9999-12-31T23:59:59.999999999Z"), Dur("1ns")), "range");
        AssertError(_lib.Global(Operators.Subtract, Ts("9999-12-31T23:59:59Z"), Ts("0001-01-01T00:00:00Z")), "range");
        AssertError(_lib.Global(Operators.Subtract, Ts("0001-01-01T00:00:00Z"), Ts("9999-12-31T23:59:59Z")), "range");
    }

    [Fact]
    public void Subtract_MostNegativeDuration_AddsWithoutOverflow()
    {
        var result = _lib.Global(Operators.Subtract, Ts("2000-01-01T00:00:00Z"), CelValue.Duration(long.MinValue));
        Assert.Equal(946_684_800 + 9_223_372_036L, result.TimestampSeconds);
        Assert.Equal(854_775_808, result.TimestampNanos);
    }

    [Fact]
    public void DurationArithmetic_Overflow_ReturnsRangeError()
    {
        AssertError(_lib.Global(Operators.Add, CelValue.Duration(long.MaxValue), CelValue.Duration(1)), "range");
        AssertError(_lib.Global(Operators.Subtract, CelValue.Duration(long.MinValue), CelValue.Duration(1)), "range");
    }

    [Fact]
    public void IntAdd_DoesNotAllocate()
    {
        var registry = new CelFunctionRegistry();
        ArithmeticFunctions.Register(registry, CelOptions.Default);
        registry.TryGet(Operators.Add, false, 2, out var add);
        registry.TryGet(Operators.Multiply, false, 2, out var mul);
        CelValue[] args = [CelValue.Int(1), CelValue.Int(2)];
        CelValue[] dargs = [CelValue.Double(1), CelValue.Double(2)];
        add(args);
        mul(dargs);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            add(args);
            mul(dargs);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
