namespace Portcullis.Cel.Syntax;

/// <summary>Builds the <see cref="CelCompileException"/> thrown for a syntax error.</summary>
internal static class SyntaxErrors
{
    /// <summary>Creates an exception with one diagnostic at <paramref name="position"/>.</summary>
    public static CelCompileException At(string source, int position, string message) =>
        new([CelDiagnostic.At(source, position, message)]);

    /// <summary>Describes the source text at <paramref name="position"/> for an error message, e.g. <c>')'</c>.</summary>
    public static string Describe(string source, int position, int length)
    {
        if (position >= source.Length)
        {
            return "end of expression";
        }

        length = Math.Clamp(length, 1, source.Length - position);
        if (length > 24)
        {
            return "'" + source.Substring(position, 20) + "...'";
        }

        return "'" + source.Substring(position, length) + "'";
    }
}
