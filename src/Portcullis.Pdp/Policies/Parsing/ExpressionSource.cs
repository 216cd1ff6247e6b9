using YamlDotNet.Core;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A CEL expression as written in a policy file, with what is needed to map its positions to the file.</summary>
/// <param name="Text">The expression.</param>
/// <param name="Location">Where the YAML scalar starts.</param>
/// <param name="Style">How the scalar is written (plain, quoted, literal block...).</param>
/// <param name="BlockIndent">For block scalars, the indentation of their content; otherwise 0.</param>
internal sealed record ExpressionSource(string Text, PolicyLocation Location, ScalarStyle Style, int BlockIndent)
{
    /// <summary>Maps a one-based line and column inside the expression to the file.</summary>
    public (int Line, int Column) ToFile(int line, int column) => Style switch
    {
        ScalarStyle.Literal => (Location.Line + line, BlockIndent + column),
        ScalarStyle.Folded => (Location.Line + 1, BlockIndent + column),
        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when line == 1 => (Location.Line, Location.Column + column),
        _ when line == 1 => (Location.Line, Location.Column + column - 1),
        _ => (Location.Line + line - 1, column),
    };
}
