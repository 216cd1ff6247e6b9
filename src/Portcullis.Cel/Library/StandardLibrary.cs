using System.Runtime.CompilerServices;

namespace Portcullis.Cel.Library;

/// <summary>The functions available to every expression: CEL's standard definitions plus the strings, math and
/// encoders extensions, <c>cel.bind</c>/<c>cel.block</c> and optional values.</summary>
public static class StandardLibrary
{
    private static readonly ConditionalWeakTable<CelOptions, CelFunctionRegistry> Cache = [];

    /// <summary>Returns the shared registry for <paramref name="options"/>, building it on first use.</summary>
    public static CelFunctionRegistry For(CelOptions options) => Cache.GetValue(options, Create);

    /// <summary>Builds a new registry that callers may extend with their own functions.</summary>
    public static CelFunctionRegistry Create(CelOptions options)
    {
        var registry = new CelFunctionRegistry();
        ArithmeticFunctions.Register(registry, options);
        ConversionFunctions.Register(registry, options);
        TimeFunctions.Register(registry, options);
        CoreFunctions.Register(registry, options);
        StringFunctions.Register(registry, options);
        StringsExtension.Register(registry, options);
        MathExtension.Register(registry, options);
        EncodersExtension.Register(registry, options);
        return registry;
    }
}
