using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>The standard string functions: <c>contains</c>, <c>startsWith</c>, <c>endsWith</c> and <c>matches</c>.</summary>
public static class StringFunctions
{
    /// <summary>Adds the functions to <paramref name="registry"/>.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        registry.Add("contains", CelCallStyle.Member, 2, args => StringPredicate("contains", args, static (s, t) => s.Contains(t, StringComparison.Ordinal)));
        registry.Add("startsWith", CelCallStyle.Member, 2, args => StringPredicate("startsWith", args, static (s, t) => s.StartsWith(t, StringComparison.Ordinal)));
        registry.Add("endsWith", CelCallStyle.Member, 2, args => StringPredicate("endsWith", args, static (s, t) => s.EndsWith(t, StringComparison.Ordinal)));
        registry.Add("matches", CelCallStyle.Both, 2, args =>
            args[0].Kind == CelValueKind.String && args[1].Kind == CelValueKind.String
                ? CelRegex.IsMatch(args[0].AsString, args[1].AsString, options)
                : CelFunctionRegistry.NoOverload("matches", args));
    }

    private static CelValue StringPredicate(string name, ReadOnlySpan<CelValue> args, Func<string, string, bool> predicate) =>
        args[0].Kind == CelValueKind.String && args[1].Kind == CelValueKind.String
            ? CelValue.Bool(predicate(args[0].AsString, args[1].AsString))
            : CelFunctionRegistry.NoOverload(name, args);
}
