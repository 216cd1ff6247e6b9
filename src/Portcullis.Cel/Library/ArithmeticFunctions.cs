using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// The arithmetic operators <c>+ - * / %</c> and unary <c>-</c>. Integers are checked (overflow is an error),
/// doubles follow IEEE 754, and operands must have the same type: <c>1 + 1u</c> has no overload.
/// </summary>
public static class ArithmeticFunctions
{
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Registers the arithmetic operators.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add(Operators.Add, CelCallStyle.Global, 2, static args => Add(args[0], args[1]));
        registry.Add(Operators.Subtract, CelCallStyle.Global, 2, static args => Subtract(args[0], args[1]));
        registry.Add(Operators.Multiply, CelCallStyle.Global, 2, static args => Multiply(args[0], args[1]));
        registry.Add(Operators.Divide, CelCallStyle.Global, 2, static args => Divide(args[0], args[1]));
        registry.Add(Operators.Modulo, CelCallStyle.Global, 2, static args => Modulo(args[0], args[1]));
        registry.Add(Operators.Negate, CelCallStyle.Global, 1, static args => Negate(args[0]));
    }

    /// <summary>Evaluates <c>a + b</c>.</summary>
    public static CelValue Add(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var sum = unchecked(a.AsInt + b.AsInt);
                return ((a.AsInt ^ sum) & (b.AsInt ^ sum)) < 0 ? IntOverflow() : CelValue.Int(sum);
            case (CelValueKind.Uint, CelValueKind.Uint):
                var usum = unchecked(a.AsUint + b.AsUint);
                return usum < a.AsUint ? UintOverflow() : CelValue.Uint(usum);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.Double(a.AsDouble + b.AsDouble);
            case (CelValueKind.String, CelValueKind.String):
                return a.AsString.Length == 0 ? b : b.AsString.Length == 0 ? a : CelValue.String(a.AsString + b.AsString);
            case (CelValueKind.Bytes, CelValueKind.Bytes):
                return CelValue.Bytes([.. a.AsBytes, .. b.AsBytes]);
            case (CelValueKind.List, CelValueKind.List):
                return ConcatLists(a, b);
            case (CelValueKind.Timestamp, CelValueKind.Duration):
                return AddToTimestamp(a, b.DurationNanos);
            case (CelValueKind.Duration, CelValueKind.Timestamp):
                return AddToTimestamp(b, a.DurationNanos);
            case (CelValueKind.Duration, CelValueKind.Duration):
                var dsum = unchecked(a.DurationNanos + b.DurationNanos);
                return ((a.DurationNanos ^ dsum) & (b.DurationNanos ^ dsum)) < 0 ? DurationRange() : CelValue.Duration(dsum);
            default:
                return CelFunctionRegistry.NoOverload(Operators.Add, [a, b]);
        }
    }

    /// <summary>Evaluates <c>a - b</c>.</summary>
    public static CelValue Subtract(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var diff = unchecked(a.AsInt - b.AsInt);
                return ((a.AsInt ^ b.AsInt) & (a.AsInt ^ diff)) < 0 ? IntOverflow() : CelValue.Int(diff);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return b.AsUint > a.AsUint ? UintOverflow() : CelValue.Uint(a.AsUint - b.AsUint);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.Double(a.AsDouble - b.AsDouble);
            case (CelValueKind.Timestamp, CelValueKind.Duration):
                // Negating long.MinValue nanoseconds would overflow; split off one nanosecond first.
                return b.DurationNanos == long.MinValue
                    ? AddToTimestamp(AddToTimestamp(a, long.MaxValue), 1)
                    : AddToTimestamp(a, -b.DurationNanos);
            case (CelValueKind.Timestamp, CelValueKind.Timestamp):
                return SubtractTimestamps(a, b);
            case (CelValueKind.Duration, CelValueKind.Duration):
                var ddiff = unchecked(a.DurationNanos - b.DurationNanos);
                return ((a.DurationNanos ^ b.DurationNanos) & (a.DurationNanos ^ ddiff)) < 0 ? DurationRange() : CelValue.Duration(ddiff);
            default:
                return CelFunctionRegistry.NoOverload(Operators.Subtract, [a, b]);
        }
    }

    /// <summary>Evaluates <c>a * b</c>.</summary>
    public static CelValue Multiply(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var product = Math.BigMul(a.AsInt, b.AsInt, out var low);
                return product != (low >> 63) ? IntOverflow() : CelValue.Int(low);
            case (CelValueKind.Uint, CelValueKind.Uint):
                var high = Math.BigMul(a.AsUint, b.AsUint, out var ulow);
                return high != 0 ? UintOverflow() : CelValue.Uint(ulow);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.Double(a.AsDouble * b.AsDouble);
            default:
                return CelFunctionRegistry.NoOverload(Operators.Multiply, [a, b]);
        }
    }

    /// <summary>Evaluates <c>a / b</c>; integer division truncates toward zero.</summary>
    public static CelValue Divide(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                if (b.AsInt == 0) return DivisionByZero();
                if (b.AsInt == -1 && a.AsInt == long.MinValue) return IntOverflow();
                return CelValue.Int(a.AsInt / b.AsInt);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return b.AsUint == 0 ? DivisionByZero() : CelValue.Uint(a.AsUint / b.AsUint);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.Double(a.AsDouble / b.AsDouble);
            default:
                return CelFunctionRegistry.NoOverload(Operators.Divide, [a, b]);
        }
    }

    /// <summary>Evaluates <c>a % b</c> for integers; the result takes the sign of <paramref name="a"/>.</summary>
    public static CelValue Modulo(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                if (b.AsInt == 0) return ModulusByZero();
                if (b.AsInt == -1 && a.AsInt == long.MinValue) return IntOverflow();
                return CelValue.Int(a.AsInt % b.AsInt);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return b.AsUint == 0 ? ModulusByZero() : CelValue.Uint(a.AsUint % b.AsUint);
            default:
                return CelFunctionRegistry.NoOverload(Operators.Modulo, [a, b]);
        }
    }

    /// <summary>Evaluates <c>-a</c> for int and double.</summary>
    public static CelValue Negate(in CelValue a) => a.Kind switch
    {
        CelValueKind.Int => a.AsInt == long.MinValue ? IntOverflow() : CelValue.Int(-a.AsInt),
        CelValueKind.Double => CelValue.Double(-a.AsDouble),
        _ => CelFunctionRegistry.NoOverload(Operators.Negate, [a]),
    };

    private static CelValue ConcatLists(in CelValue a, in CelValue b)
    {
        CelList x = a.AsList, y = b.AsList;
        if (x.Count == 0) return b;
        if (y.Count == 0) return a;
        var items = new CelValue[x.Count + y.Count];
        for (var i = 0; i < x.Count; i++) items[i] = x[i];
        for (var i = 0; i < y.Count; i++) items[x.Count + i] = y[i];
        return CelValue.List(CelList.Of(items));
    }

    /// <summary>Adds <paramref name="nanos"/> to a timestamp; a result outside 0001..9999 is a range error.</summary>
    internal static CelValue AddToTimestamp(in CelValue timestamp, long nanos)
    {
        if (timestamp.IsError) return timestamp;
        var seconds = timestamp.TimestampSeconds + nanos / NanosPerSecond;
        var subsecond = timestamp.TimestampNanos + (int)(nanos % NanosPerSecond);
        return CelValue.Timestamp(seconds, subsecond);
    }

    private static CelValue SubtractTimestamps(in CelValue a, in CelValue b)
    {
        // Both timestamps lie within ±2.6e11 seconds, so the products below fit in 128 bits trivially.
        var nanos = ((Int128)a.TimestampSeconds - b.TimestampSeconds) * NanosPerSecond + (a.TimestampNanos - b.TimestampNanos);
        return nanos < long.MinValue || nanos > long.MaxValue ? DurationRange() : CelValue.Duration((long)nanos);
    }

    private static CelValue IntOverflow() => CelValue.Error("integer overflow");

    private static CelValue UintOverflow() => CelValue.Error("unsigned integer overflow");

    private static CelValue DivisionByZero() => CelValue.Error("division by zero");

    private static CelValue ModulusByZero() => CelValue.Error("modulus by zero");

    private static CelValue DurationRange() => CelValue.Error("duration out of range");
}
