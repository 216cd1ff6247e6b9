using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Library;

/// <summary>Calls library functions through a registry, as the evaluator does.</summary>
internal sealed class LibraryCalls
{
    private readonly CelFunctionRegistry _registry = new();

    private static readonly LibraryCalls Conversions = new(ConversionFunctions.Register);

    public LibraryCalls(params Action<CelFunctionRegistry, CelOptions>[] groups)
    {
        foreach (var register in groups) register(_registry, CelOptions.Default);
    }

    public CelValue Member(string name, params CelValue[] args)
    {
        Assert.True(_registry.TryGet(name, true, args.Length, out var f), $"no member function {name}/{args.Length}");
        return f(args);
    }

    public CelValue Global(string name, params CelValue[] args)
    {
        Assert.True(_registry.TryGet(name, false, args.Length, out var f), $"no global function {name}/{args.Length}");
        return f(args);
    }

    public static CelValue S(string s) => CelValue.String(s);

    public static CelValue I(long i) => CelValue.Int(i);

    public static CelValue U(ulong u) => CelValue.Uint(u);

    public static CelValue D(double d) => CelValue.Double(d);

    public static CelValue L(params CelValue[] items) => CelValue.List(CelList.Of(items));

    /// <summary>Returns <c>timestamp(text)</c>, converted by the conversion functions.</summary>
    public static CelValue Ts(string text) => Conversions.Global("timestamp", S(text));

    /// <summary>Returns <c>duration(text)</c>, converted by the conversion functions.</summary>
    public static CelValue Dur(string text) => Conversions.Global("duration", S(text));

    public static string Str(CelValue v)
    {
        Assert.True(v.Kind == CelValueKind.String, $"expected a string, got {v}");
        return v.AsString;
    }

    public static string Err(CelValue v)
    {
        Assert.True(v.IsError, $"expected an error, got {v}");
        return v.AsError.Message;
    }

    public static void AssertError(CelValue value, string? containing = null)
    {
        var message = Err(value);
        if (containing is not null) Assert.Contains(containing, message, StringComparison.Ordinal);
    }

    public static void AssertInt(long expected, CelValue value)
    {
        Assert.Equal(CelValueKind.Int, value.Kind);
        Assert.Equal(expected, value.AsInt);
    }

    public static void AssertString(string expected, CelValue value) => Assert.Equal(expected, Str(value));
}
