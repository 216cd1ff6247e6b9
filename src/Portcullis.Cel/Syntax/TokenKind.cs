namespace Portcullis.Cel.Syntax;

/// <summary>The kinds of token the CEL lexer produces.</summary>
internal enum TokenKind
{
    /// <summary>The end of the source.</summary>
    End,

    /// <summary>An identifier such as <c>request</c>; reserved words are identifiers too.</summary>
    Identifier,

    /// <summary>A backtick-quoted field name such as <c>`content-type`</c>.</summary>
    QuotedIdentifier,

    /// <summary>A decimal or hexadecimal integer literal without sign.</summary>
    Int,

    /// <summary>An unsigned integer literal (<c>1u</c>).</summary>
    Uint,

    /// <summary>A floating-point literal.</summary>
    Double,

    /// <summary>A string literal (already decoded).</summary>
    String,

    /// <summary>A bytes literal (already decoded).</summary>
    Bytes,

    /// <summary>The keyword <c>true</c>.</summary>
    True,

    /// <summary>The keyword <c>false</c>.</summary>
    False,

    /// <summary>The keyword <c>null</c>.</summary>
    Null,

    /// <summary>The keyword <c>in</c>.</summary>
    In,

    Dot,
    Comma,
    Colon,
    Question,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    Less,
    LessEquals,
    Greater,
    GreaterEquals,
    EqualEqual,
    NotEqual,
    AndAnd,
    OrOr,
}
