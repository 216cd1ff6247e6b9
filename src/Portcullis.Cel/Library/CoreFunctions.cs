using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// <c>size</c> (global and member) on strings (in Unicode code points), bytes, lists and maps, and the optional
/// value helpers <c>optional.of</c>, <c>optional.none</c>, <c>optional.ofNonZeroValue</c>, <c>hasValue</c>,
/// <c>value</c>, <c>or</c> and <c>orValue</c>.
/// </summary>
public static class CoreFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("size", CelCallStyle.Both, 1, static args => Size(args[0]));

        registry.Add("optional.of", CelCallStyle.Global, 1, static args => CelValue.OptionalOf(args[0]));
        registry.Add("optional.none", CelCallStyle.Global, 0, static _ => CelValue.OptionalNone);
        registry.Add("optional.ofNonZeroValue", CelCallStyle.Global, 1,
            static args => IsZeroValue(args[0]) ? CelValue.OptionalNone : CelValue.OptionalOf(args[0]));
        registry.Add("hasValue", CelCallStyle.Member, 1, static args =>
            args[0].Kind == CelValueKind.Optional ? CelValue.Bool(args[0].AsOptional.HasValue) : CelFunctionRegistry.NoOverload("hasValue", args));
        registry.Add("value", CelCallStyle.Member, 1, static args => args[0].Kind switch
        {
            CelValueKind.Optional when args[0].AsOptional.HasValue => args[0].AsOptional.Value,
            CelValueKind.Optional => CelValue.Error("optional.none() dereference"),
            _ => CelFunctionRegistry.NoOverload("value", args),
        });
        registry.Add("or", CelCallStyle.Member, 2, static args =>
            args[0].Kind == CelValueKind.Optional && args[1].Kind == CelValueKind.Optional
                ? args[0].AsOptional.HasValue ? args[0] : args[1]
                : CelFunctionRegistry.NoOverload("or", args));
        registry.Add("orValue", CelCallStyle.Member, 2, static args =>
            args[0].Kind == CelValueKind.Optional
                ? args[0].AsOptional.HasValue ? args[0].AsOptional.Value : args[1]
                : CelFunctionRegistry.NoOverload("orValue", args));
    }

    /// <summary>Returns the size of a string (code points), bytes, list or map.</summary>
    public static CelValue Size(in CelValue value) => value.Kind switch
    {
        CelValueKind.String => CelValue.Int(CodePointCount(value.AsString)),
        CelValueKind.Bytes => CelValue.Int(value.AsBytes.Length),
        CelValueKind.List => CelValue.Int(value.AsList.Count),
        CelValueKind.Map => CelValue.Int(value.AsMap.Count),
        _ => CelFunctionRegistry.NoOverload("size", [value]),
    };

    /// <summary>Counts Unicode code points: a surrogate pair counts once.</summary>
    public static int CodePointCount(string text)
    {
        var count = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }
        return count;
    }

    /// <summary>Returns whether <paramref name="value"/> is its type's zero value: <c>null</c>, <c>false</c>,
    /// <c>0</c>, <c>0u</c>, <c>0.0</c>, empty string, bytes, list or map, a zero duration or the Unix epoch.</summary>
    public static bool IsZeroValue(in CelValue value) => value.Kind switch
    {
        CelValueKind.Null => true,
        CelValueKind.Bool => !value.AsBool,
        CelValueKind.Int or CelValueKind.Uint => value.AsInt == 0,
        CelValueKind.Double => value.AsDouble == 0,
        CelValueKind.String => value.AsString.Length == 0,
        CelValueKind.Bytes => value.AsBytes.Length == 0,
        CelValueKind.List => value.AsList.Count == 0,
        CelValueKind.Map => value.AsMap.Count == 0,
        CelValueKind.Duration => value.DurationNanos == 0,
        CelValueKind.Timestamp => value.TimestampSeconds == 0 && value.TimestampNanos == 0,
        _ => false,
    };
}
