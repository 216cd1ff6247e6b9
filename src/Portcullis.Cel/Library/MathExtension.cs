using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// The math extension (cel-go <c>ext/math</c>): <c>math.greatest</c>, <c>math.least</c>, rounding, sign and
/// classification of doubles, absolute value, square root and bitwise operations on ints and uints.
/// </summary>
public static class MathExtension
{
    /// <summary>Adds the functions to <paramref name="registry"/>.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        registry.Add("math.greatest", CelCallStyle.Global, CelFunctionRegistry.Variadic, static args => Extreme("math.greatest", args, greatest: true));
        registry.Add("math.least", CelCallStyle.Global, CelFunctionRegistry.Variadic, static args => Extreme("math.least", args, greatest: false));
        AddDouble(registry, "math.ceil", Math.Ceiling);
        AddDouble(registry, "math.floor", Math.Floor);
        AddDouble(registry, "math.round", static d => Math.Round(d, MidpointRounding.AwayFromZero));
        AddDouble(registry, "math.trunc", Math.Truncate);
        AddPredicate(registry, "math.isNaN", double.IsNaN);
        AddPredicate(registry, "math.isInf", double.IsInfinity);
        AddPredicate(registry, "math.isFinite", double.IsFinite);
        registry.Add("math.abs", CelCallStyle.Global, 1, static args => Abs(args));
        registry.Add("math.sign", CelCallStyle.Global, 1, static args => Sign(args));
        registry.Add("math.sqrt", CelCallStyle.Global, 1, static args => args[0].Kind switch
        {
            CelValueKind.Double => CelValue.Double(Math.Sqrt(args[0].AsDouble)),
            CelValueKind.Int => CelValue.Double(Math.Sqrt(args[0].AsInt)),
            CelValueKind.Uint => CelValue.Double(Math.Sqrt(args[0].AsUint)),
            _ => CelFunctionRegistry.NoOverload("math.sqrt", args),
        });
        AddBitwise(registry, "math.bitAnd", static (a, b) => a & b);
        AddBitwise(registry, "math.bitOr", static (a, b) => a | b);
        AddBitwise(registry, "math.bitXor", static (a, b) => a ^ b);
        registry.Add("math.bitNot", CelCallStyle.Global, 1, static args => args[0].Kind switch
        {
            CelValueKind.Int => CelValue.Int(~args[0].AsInt),
            CelValueKind.Uint => CelValue.Uint(~args[0].AsUint),
            _ => CelFunctionRegistry.NoOverload("math.bitNot", args),
        });
        registry.Add("math.bitShiftLeft", CelCallStyle.Global, 2, static args => Shift("math.bitShiftLeft", args, left: true));
        registry.Add("math.bitShiftRight", CelCallStyle.Global, 2, static args => Shift("math.bitShiftRight", args, left: false));
    }

    private static bool IsNumber(in CelValue v) => v.Kind is CelValueKind.Int or CelValueKind.Uint or CelValueKind.Double;

    /// <summary>Finds the greatest or least of numbers given as arguments or as one list; the winner keeps its type.</summary>
    private static CelValue Extreme(string name, ReadOnlySpan<CelValue> args, bool greatest)
    {
        if (args.Length == 0) return CelValue.Error($"{name}() requires at least one argument");
        if (args.Length == 1)
        {
            if (IsNumber(args[0])) return args[0];
            if (args[0].Kind != CelValueKind.List) return CelFunctionRegistry.NoOverload(name, args);
            var list = args[0].AsList;
            if (list.Count == 0) return CelValue.Error($"{name}([]) requires at least one argument");
            var items = new CelValue[list.Count];
            for (var i = 0; i < items.Length; i++) items[i] = list[i];
            return Pick(name, items, greatest);
        }
        return Pick(name, args, greatest);
    }

    private static CelValue Pick(string name, ReadOnlySpan<CelValue> values, bool greatest)
    {
        foreach (var v in values)
        {
            if (!IsNumber(v)) return CelFunctionRegistry.NoOverload(name, values);
        }
        var best = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            if (CelOperators.Compare(values[i], best, out var c) == CelOrdering.Ordered && (greatest ? c > 0 : c < 0)) best = values[i];
        }
        return best;
    }

    private static void AddDouble(CelFunctionRegistry registry, string name, Func<double, double> f) =>
        registry.Add(name, CelCallStyle.Global, 1, args =>
            args[0].Kind == CelValueKind.Double ? CelValue.Double(f(args[0].AsDouble)) : CelFunctionRegistry.NoOverload(name, args));

    private static void AddPredicate(CelFunctionRegistry registry, string name, Func<double, bool> f) =>
        registry.Add(name, CelCallStyle.Global, 1, args =>
            args[0].Kind == CelValueKind.Double ? CelValue.Bool(f(args[0].AsDouble)) : CelFunctionRegistry.NoOverload(name, args));

    private static CelValue Abs(ReadOnlySpan<CelValue> args) => args[0].Kind switch
    {
        CelValueKind.Int when args[0].AsInt == long.MinValue => CelValue.Error("integer overflow"),
        CelValueKind.Int => CelValue.Int(Math.Abs(args[0].AsInt)),
        CelValueKind.Uint => args[0],
        CelValueKind.Double => CelValue.Double(Math.Abs(args[0].AsDouble)),
        _ => CelFunctionRegistry.NoOverload("math.abs", args),
    };

    private static CelValue Sign(ReadOnlySpan<CelValue> args)
    {
        var v = args[0];
        switch (v.Kind)
        {
            case CelValueKind.Int:
                return CelValue.Int(Math.Sign(v.AsInt));
            case CelValueKind.Uint:
                return CelValue.Uint(v.AsUint == 0 ? 0UL : 1UL);
            case CelValueKind.Double:
                var d = v.AsDouble;
                return d > 0 ? CelValue.Double(1) : d < 0 ? CelValue.Double(-1) : v;
            default:
                return CelFunctionRegistry.NoOverload("math.sign", args);
        }
    }

    private static void AddBitwise(CelFunctionRegistry registry, string name, Func<ulong, ulong, ulong> f) =>
        registry.Add(name, CelCallStyle.Global, 2, args => (args[0].Kind, args[1].Kind) switch
        {
            (CelValueKind.Int, CelValueKind.Int) => CelValue.Int(unchecked((long)f(args[0].AsUint, args[1].AsUint))),
            (CelValueKind.Uint, CelValueKind.Uint) => CelValue.Uint(f(args[0].AsUint, args[1].AsUint)),
            _ => CelFunctionRegistry.NoOverload(name, args),
        });

    /// <summary>Shifts an int or uint by an int count; counts of 64 or more give 0, and right shifts of ints are logical, as in cel-go.</summary>
    private static CelValue Shift(string name, ReadOnlySpan<CelValue> args, bool left)
    {
        if (args[0].Kind is not (CelValueKind.Int or CelValueKind.Uint) || args[1].Kind != CelValueKind.Int)
            return CelFunctionRegistry.NoOverload(name, args);
        var count = args[1].AsInt;
        if (count < 0) return CelValue.Error($"{name}() negative offset: {count}");
        var bits = args[0].AsUint;
        var result = count >= 64 ? 0UL : left ? bits << (int)count : bits >> (int)count;
        return args[0].Kind == CelValueKind.Int ? CelValue.Int(unchecked((long)result)) : CelValue.Uint(result);
    }
}
