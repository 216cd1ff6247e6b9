using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Library;

/// <summary>Calls functions through a registry, as the evaluator does.</summary>
internal sealed class LibraryTestHelper
{
    private readonly CelFunctionRegistry _registry = new();

    public LibraryTestHelper(Action<CelFunctionRegistry, CelOptions> register) => register(_registry, CelOptions.Default);

    public CelValue Call(string name, params CelValue[] args) => Invoke(name, false, args);

    public CelValue CallMember(string name, params CelValue[] args) => Invoke(name, true, args);

    private CelValue Invoke(string name, bool member, CelValue[] args)
    {
        Assert.True(_registry.TryGet(name, member, args.Length, out var function), $"{name}/{args.Length} is not registered");
        return function(args);
    }

    public static CelValue Str(string s) => CelValue.String(s);

    public static void AssertError(CelValue value, string? containing = null)
    {
        Assert.True(value.IsError, $"expected an error, got {value}");
        if (containing is not null) Assert.Contains(containing, value.AsError.Message, StringComparison.Ordinal);
    }

    public static void AssertInt(long expected, CelValue value)
    {
        Assert.Equal(CelValueKind.Int, value.Kind);
        Assert.Equal(expected, value.AsInt);
    }

    public static void AssertString(string expected, CelValue value)
    {
        Assert.Equal(CelValueKind.String, value.Kind);
        Assert.Equal(expected, value.AsString);
    }
}
