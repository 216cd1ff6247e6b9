using Portcullis.Cel.Values;

namespace Portcullis.Cel.Syntax;

/// <summary>One lexical token of CEL source.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Position">Offset of its first character in the source.</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
/// <param name="Text">The name of an identifier, or the digits of a number literal (no sign, no <c>u</c> suffix).</param>
/// <param name="Value">The decoded value of a string or bytes literal.</param>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, string? Text, CelValue Value)
{
    /// <summary>Gets the offset just past the token.</summary>
    public int End => Position + Length;
}
