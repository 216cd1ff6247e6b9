namespace Portcullis.Cel;

/// <summary>Limits and switches for compiling and evaluating expressions. Immutable; share one instance.</summary>
public sealed record CelOptions
{
    /// <summary>Gets the default options.</summary>
    public static CelOptions Default { get; } = new();

    /// <summary>Gets the longest expression accepted, in Unicode code points. Defaults to 100,000.</summary>
    public int MaxExpressionLength { get; init; } = 100_000;

    /// <summary>Gets the deepest nesting accepted (parentheses, calls, member chains, operator chains). Defaults to 250.</summary>
    public int MaxNestingDepth { get; init; } = 250;

    /// <summary>Gets the most comprehension (macro) iterations one evaluation may run in total. Defaults to 100,000.</summary>
    public int MaxComprehensionIterations { get; init; } = 100_000;

    /// <summary>Gets the largest string (in UTF-16 code units), bytes or list one function or operator may produce.
    /// Defaults to 10,000,000, which stops expressions that double a value repeatedly from exhausting memory.</summary>
    public int MaxValueSize { get; init; } = 10_000_000;

    /// <summary>Gets the time one regular-expression match may take. Defaults to 1 s. Matching is already linear in
    /// the input (non-backtracking engine), so this is a last bound, set well above what a loaded machine needs to
    /// build a pattern's automaton on first use.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest regular-expression pattern accepted, in characters. Defaults to 2,000.</summary>
    public int MaxRegexLength { get; init; } = 2_000;

    /// <summary>Gets the container (namespace) in which identifiers are resolved, e.g. <c>a.b</c> also tries <c>a.b.x</c> for <c>x</c>. Defaults to none.</summary>
    public string Container { get; init; } = "";

    /// <summary>Gets a value indicating whether macros (<c>has</c>, <c>all</c>, <c>exists</c>, ...) are expanded. Defaults to true.</summary>
    public bool EnableMacros { get; init; } = true;

    /// <summary>Gets a value indicating whether a call to a function that is not registered compiles and fails only
    /// when evaluated, as CEL behaves with type checking disabled. Defaults to false: unknown functions are
    /// compile errors, so a misspelt function in a policy is reported at load time.</summary>
    public bool DeferUnknownFunctionErrors { get; init; }

    /// <summary>Gets the clock used by <c>now()</c>. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
