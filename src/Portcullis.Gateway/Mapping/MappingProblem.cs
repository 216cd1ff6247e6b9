namespace Portcullis.Gateway.Mapping;

/// <summary>A problem in a mapping configuration, with the path of the offending value.</summary>
/// <param name="Path">The dotted path, e.g. <c>routes.docs.authzen.subject.id</c>.</param>
/// <param name="Message">What is wrong, without secrets.</param>
/// <param name="Line">The 1-based line in the source file, or 0 when unknown.</param>
/// <param name="Column">The 1-based column in the source file, or 0 when unknown.</param>
public sealed record MappingProblem(string Path, string Message, int Line = 0, int Column = 0)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Line}:{Column}: {Path}: {Message}" : $"{Path}: {Message}";
}
