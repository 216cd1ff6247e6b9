namespace Portcullis.Pdp.Loading;

/// <summary>A problem in a policy or directory file, with where it is.</summary>
/// <param name="File">The file's path as given to the loader.</param>
/// <param name="Line">One-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">One-based column, or 0.</param>
/// <param name="Message">What is wrong, in words a policy author understands.</param>
public sealed record SourceDiagnostic(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
