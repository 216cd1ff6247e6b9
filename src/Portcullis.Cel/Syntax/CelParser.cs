namespace Portcullis.Cel.Syntax;

/// <summary>Parses CEL source text into an <see cref="Expr"/> tree.</summary>
/// <remarks>
/// <para>The grammar is the one of the CEL specification (google/cel-spec <c>doc/langdef.md</c>), with the optional
/// syntax (<c>a.?b</c>, <c>a[?i]</c>, <c>[?x]</c>, <c>{?k: v}</c>, <c>T{?f: v}</c>) and backtick-quoted field names.
/// Operators become <see cref="CallExpr"/> nodes named as in <see cref="Operators"/>; macros are not expanded.
/// Chains of <c>&amp;&amp;</c> and <c>||</c> are built as balanced trees.</para>
/// <para>Node ids are sequential from 1 in creation order (children before parents). <see cref="Expr.Position"/> is
/// the offset of the token that introduces the node: the operator for unary, binary and conditional operators, the
/// <c>[</c> of an index, the <c>.</c> of a field selection, the function name of a call, and the first token of
/// anything else (a negative literal starts at its <c>-</c>).</para>
/// <para>Limits: the source may not exceed <see cref="CelOptions.MaxExpressionLength"/> code points, and neither
/// the syntactic nesting (parentheses, brackets, call arguments, conditionals) nor the depth of the resulting tree
/// may exceed <see cref="CelOptions.MaxNestingDepth"/>.</para>
/// </remarks>
public static class CelParser
{
    /// <summary>Parses <paramref name="source"/>; throws <see cref="CelCompileException"/> describing the first syntax error.</summary>
    public static Expr Parse(string source, CelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= CelOptions.Default;
        CheckLength(source, options.MaxExpressionLength);
        return new ExprParser(source, options.MaxNestingDepth).ParseAll();
    }

    private static void CheckLength(string source, int maxLength)
    {
        if (source.Length <= maxLength)
        {
            return;
        }

        var codePoints = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (char.IsLowSurrogate(source[i]) && i > 0 && char.IsHighSurrogate(source[i - 1]))
            {
                continue;
            }

            if (++codePoints > maxLength)
            {
                throw SyntaxErrors.At(source, i, $"expression is longer than the limit of {maxLength} characters");
            }
        }
    }
}
