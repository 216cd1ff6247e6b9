namespace Portcullis.Cel.Values;

/// <summary>An evaluation error: CEL carries errors as values so that <c>&amp;&amp;</c>, <c>||</c> and <c>?:</c> can absorb them.</summary>
/// <param name="Message">A message a policy author understands.</param>
/// <param name="Position">The zero-based offset in the source where the failing sub-expression starts, or -1.</param>
public sealed record CelError(string Message, int Position = -1)
{
    /// <summary>Creates the error for a function or operator applied to arguments it has no overload for.</summary>
    public static CelError NoSuchOverload(string function, params ReadOnlySpan<CelValue> args)
    {
        var types = new string[args.Length];
        for (var i = 0; i < args.Length; i++) types[i] = args[i].TypeName;
        return new($"no such overload: {function}({string.Join(", ", types)})");
    }

    /// <summary>Returns this error located at <paramref name="position"/> unless it already has a location.</summary>
    public CelError At(int position) => Position >= 0 || position < 0 ? this : this with { Position = position };
}
