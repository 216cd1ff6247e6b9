namespace Portcullis.Cel.Syntax;

/// <summary>Splits CEL source into tokens on demand, skipping whitespace and <c>//</c> comments.</summary>
/// <remarks>Errors (bad characters, unterminated or malformed literals) throw <see cref="CelCompileException"/>.</remarks>
internal sealed class Lexer
{
    private readonly string _source;
    private int _position;

    /// <summary>Creates a lexer over <paramref name="source"/>.</summary>
    public Lexer(string source)
    {
        _source = source;
    }

    /// <summary>Reads every token up to and including <see cref="TokenKind.End"/>.</summary>
    public static List<Token> Tokenize(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);
        return tokens;
    }

    /// <summary>Reads the next token; returns <see cref="TokenKind.End"/> tokens forever at the end.</summary>
    public Token Next()
    {
        SkipTrivia();
        var start = _position;
        if (start >= _source.Length)
        {
            return new Token(TokenKind.End, _source.Length, 0, null, default);
        }

        var c = _source[start];
        if (IsDigit(c) || (c == '.' && IsDigit(PeekChar(1))))
        {
            return ReadNumber();
        }

        if (IsIdentifierStart(c))
        {
            return TryReadPrefixedString() ?? ReadIdentifier();
        }

        if (c is '"' or '\'')
        {
            return ReadString(start, start, isBytes: false, isRaw: false);
        }

        if (c == '`')
        {
            return ReadQuotedIdentifier();
        }

        return ReadPunctuation(c);
    }

    private void SkipTrivia()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _position++;
            }
            else if (c == '/' && PeekChar(1) == '/')
            {
                while (_position < _source.Length && _source[_position] is not ('\n' or '\r'))
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadPunctuation(char c)
    {
        var start = _position;
        var next = PeekChar(1);
        (TokenKind Kind, int Length) token = c switch
        {
            '.' => (TokenKind.Dot, 1),
            ',' => (TokenKind.Comma, 1),
            ':' => (TokenKind.Colon, 1),
            '?' => (TokenKind.Question, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            '{' => (TokenKind.LeftBrace, 1),
            '}' => (TokenKind.RightBrace, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '!' => (TokenKind.Bang, 1),
            '<' when next == '=' => (TokenKind.LessEquals, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterEquals, 2),
            '>' => (TokenKind.Greater, 1),
            '=' when next == '=' => (TokenKind.EqualEqual, 2),
            '&' when next == '&' => (TokenKind.AndAnd, 2),
            '|' when next == '|' => (TokenKind.OrOr, 2),
            _ => (TokenKind.End, 0),
        };

        if (token.Length == 0)
        {
            throw SyntaxErrors.At(_source, start, UnexpectedCharacterMessage(c));
        }

        _position += token.Length;
        return new Token(token.Kind, start, token.Length, null, default);
    }

    private string UnexpectedCharacterMessage(char c) => c switch
    {
        '=' => "unexpected character '=' (use '==' to compare)",
        '&' => "unexpected character '&' (use '&&' for logical and)",
        '|' => "unexpected character '|' (use '||' for logical or)",
        _ => $"unexpected character {SyntaxErrors.Describe(_source, _position, char.IsHighSurrogate(c) ? 2 : 1)}",
    };

    private Token ReadNumber()
    {
        var start = _position;
        if (_source[start] == '0' && PeekChar(1) == 'x')
        {
            _position += 2;
            var digitsStart = _position;
            while (_position < _source.Length && IsHexDigit(_source[_position]))
            {
                _position++;
            }

            if (_position == digitsStart)
            {
                throw SyntaxErrors.At(_source, start, "invalid hexadecimal literal: expected digits after '0x'");
            }

            return FinishInteger(start);
        }

        var isDouble = false;
        SkipDigits();
        if (PeekChar(0) == '.' && IsDigit(PeekChar(1)))
        {
            isDouble = true;
            _position++;
            SkipDigits();
        }

        var e = PeekChar(0);
        if (e is 'e' or 'E')
        {
            var sign = PeekChar(1);
            var digitAt = sign is '+' or '-' ? 2 : 1;
            if (IsDigit(PeekChar(digitAt)))
            {
                isDouble = true;
                _position += digitAt;
                SkipDigits();
            }
        }

        if (isDouble)
        {
            return new Token(TokenKind.Double, start, _position - start, _source[start.._position], default);
        }

        return FinishInteger(start);
    }

    private Token FinishInteger(int start)
    {
        var text = _source[start.._position];
        if (PeekChar(0) is 'u' or 'U')
        {
            _position++;
            return new Token(TokenKind.Uint, start, _position - start, text, default);
        }

        return new Token(TokenKind.Int, start, _position - start, text, default);
    }

    private void SkipDigits()
    {
        while (_position < _source.Length && IsDigit(_source[_position]))
        {
            _position++;
        }
    }

    private Token ReadIdentifier()
    {
        var start = _position;
        while (_position < _source.Length && IsIdentifierPart(_source[_position]))
        {
            _position++;
        }

        var text = _source[start.._position];
        var kind = text switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, _position - start, text, default);
    }

    private Token ReadQuotedIdentifier()
    {
        var start = _position;
        var i = start + 1;
        while (i < _source.Length && IsQuotedIdentifierPart(_source[i]))
        {
            i++;
        }

        if (i >= _source.Length || _source[i] != '`')
        {
            throw SyntaxErrors.At(
                _source,
                start,
                i < _source.Length && _source[i] is not ('\n' or '\r')
                    ? $"invalid character {SyntaxErrors.Describe(_source, i, 1)} in quoted identifier (allowed: letters, digits, '_', '.', '-', '/', space)"
                    : "unterminated quoted identifier");
        }

        if (i == start + 1)
        {
            throw SyntaxErrors.At(_source, start, "empty quoted identifier");
        }

        _position = i + 1;
        return new Token(TokenKind.QuotedIdentifier, start, _position - start, _source[(start + 1)..i], default);
    }

    /// <summary>Reads <c>r"..."</c>, <c>b'...'</c>, <c>br'...'</c>, <c>rb'...'</c> (any case) when the prefix is followed by a quote.</summary>
    private Token? TryReadPrefixedString()
    {
        var start = _position;
        bool isBytes = false, isRaw = false;
        var i = start;
        while (i < _source.Length && i - start < 2)
        {
            var c = _source[i];
            if (c is 'b' or 'B' && !isBytes)
            {
                isBytes = true;
            }
            else if (c is 'r' or 'R' && !isRaw)
            {
                isRaw = true;
            }
            else
            {
                break;
            }

            i++;
        }

        if (i == start || i >= _source.Length || _source[i] is not ('"' or '\''))
        {
            return null;
        }

        return ReadString(start, i, isBytes, isRaw);
    }

    private Token ReadString(int start, int quoteAt, bool isBytes, bool isRaw)
    {
        var quote = _source[quoteAt];
        var triple = quoteAt + 2 < _source.Length && _source[quoteAt + 1] == quote && _source[quoteAt + 2] == quote;
        var contentStart = quoteAt + (triple ? 3 : 1);
        var i = contentStart;
        int contentEnd;
        while (true)
        {
            if (i >= _source.Length)
            {
                throw SyntaxErrors.At(_source, start, "unterminated string literal");
            }

            var c = _source[i];
            if (c == '\\' && !isRaw)
            {
                i += 2;
                continue;
            }

            if (triple)
            {
                if (c == quote && i + 2 < _source.Length && _source[i + 1] == quote && _source[i + 2] == quote)
                {
                    contentEnd = i;
                    _position = i + 3;
                    break;
                }
            }
            else if (c == quote)
            {
                contentEnd = i;
                _position = i + 1;
                break;
            }
            else if (c is '\n' or '\r')
            {
                throw SyntaxErrors.At(_source, start, "unterminated string literal (use ''' or \"\"\" for text spanning lines)");
            }

            i++;
        }

        var value = StringLiteral.Decode(_source, contentStart, contentEnd, isBytes, isRaw);
        return new Token(isBytes ? TokenKind.Bytes : TokenKind.String, start, _position - start, null, value);
    }

    private char PeekChar(int offset)
    {
        var at = _position + offset;
        return at < _source.Length ? _source[at] : '\0';
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static bool IsQuotedIdentifierPart(char c) => IsIdentifierPart(c) || c is '.' or '-' or '/' or ' ';
}
