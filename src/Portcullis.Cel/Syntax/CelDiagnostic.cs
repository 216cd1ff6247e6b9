namespace Portcullis.Cel.Syntax;

/// <summary>A problem found while parsing or compiling an expression, with its place in the source.</summary>
/// <param name="Message">What is wrong, in words a policy author understands.</param>
/// <param name="Position">Zero-based offset in the source (UTF-16 code units).</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column, counted in Unicode code points.</param>
public sealed record CelDiagnostic(string Message, int Position, int Line, int Column)
{
    /// <summary>Creates a diagnostic at <paramref name="position"/> of <paramref name="source"/>.</summary>
    public static CelDiagnostic At(string source, int position, string message)
    {
        var (line, column) = SourceLocation.Of(source, position);
        return new CelDiagnostic(message, position, line, column);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
