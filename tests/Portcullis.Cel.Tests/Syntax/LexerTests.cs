using Portcullis.Cel.Syntax;

namespace Portcullis.Cel.Tests.Syntax;

public class LexerTests
{
    private static TokenKind[] Kinds(string source) => [.. Lexer.Tokenize(source).Select(t => t.Kind)];

    [Fact]
    public void Tokenize_Operators_UseLongestMatch()
    {
        Assert.Equal(
            [TokenKind.LessEquals, TokenKind.Less, TokenKind.GreaterEquals, TokenKind.Greater, TokenKind.EqualEqual,
             TokenKind.NotEqual, TokenKind.Bang, TokenKind.AndAnd, TokenKind.OrOr, TokenKind.Question, TokenKind.Colon,
             TokenKind.End],
            Kinds("<= < >= > == != ! && || ? :"));
    }

    [Fact]
    public void Tokenize_NumberFollowedByDot_IsIntThenDot()
    {
        Assert.Equal([TokenKind.Int, TokenKind.Dot, TokenKind.Identifier, TokenKind.End], Kinds("1.size"));
        Assert.Equal([TokenKind.Double, TokenKind.End], Kinds("1.5"));
        Assert.Equal([TokenKind.Identifier, TokenKind.Double, TokenKind.End], Kinds("a.5"));
        Assert.Equal([TokenKind.Int, TokenKind.Identifier, TokenKind.End], Kinds("1e"));
    }

    [Fact]
    public void Tokenize_Keywords_HaveTheirOwnKinds()
    {
        Assert.Equal(
            [TokenKind.True, TokenKind.False, TokenKind.Null, TokenKind.In, TokenKind.Identifier, TokenKind.Identifier, TokenKind.End],
            Kinds("true false null in if inner"));
    }

    [Fact]
    public void Tokenize_StringPrefixes_OnlyBeforeQuotes()
    {
        Assert.Equal([TokenKind.Identifier, TokenKind.String, TokenKind.Bytes, TokenKind.Bytes, TokenKind.End], Kinds("br r'x' b'y' rb'z'"));
    }

    [Fact]
    public void Tokenize_Tokens_CarryPositionsAndText()
    {
        var tokens = Lexer.Tokenize("  foo // c\n  `a-b`");
        Assert.Equal((2, 3, "foo"), (tokens[0].Position, tokens[0].Length, tokens[0].Text));
        Assert.Equal((13, 5, "a-b"), (tokens[1].Position, tokens[1].Length, tokens[1].Text));
        Assert.Equal(18, tokens[2].Position);
    }
}
