using System.Globalization;
using System.Runtime.CompilerServices;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Syntax;

/// <summary>The recursive-descent parser behind <see cref="CelParser"/>; one instance parses one source.</summary>
internal sealed class ExprParser
{
    private readonly string _source;
    private readonly int _maxDepth;
    private readonly Lexer _lexer;
    private readonly List<Token> _tokens = [];
    private int _index;
    private int _nextId = 1;
    private int _nesting = -1;

    /// <summary>Creates a parser for <paramref name="source"/> with the given nesting limit.</summary>
    public ExprParser(string source, int maxDepth)
    {
        _source = source;
        _maxDepth = Math.Max(1, maxDepth);
        _lexer = new Lexer(source);
    }

    private Token Current => Peek(0);

    /// <summary>Parses the whole source as one expression.</summary>
    public Expr ParseAll()
    {
        var result = ParseExpr();
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(Current);
        }

        return result.Expr;
    }

    private ParsedExpr ParseExpr()
    {
        _nesting++;
        if (_nesting > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw NestingError(Current.Position);
        }

        var condition = ParseOr();
        if (Current.Kind == TokenKind.Question)
        {
            var question = Advance();
            var whenTrue = ParseOr();
            Expect(TokenKind.Colon, "expected ':' in conditional");
            var whenFalse = ParseExpr();
            condition = MakeCall(question.Position, null, Operators.Conditional, [condition, whenTrue, whenFalse]);
        }

        _nesting--;
        return condition;
    }

    private ParsedExpr ParseOr() => ParseBalanced(TokenKind.OrOr, Operators.LogicalOr, ParseAnd);

    private ParsedExpr ParseAnd() => ParseBalanced(TokenKind.AndAnd, Operators.LogicalAnd, ParseRelation);

    /// <summary>Parses <c>t (op t)*</c> into a balanced tree, so long chains stay shallow.</summary>
    private ParsedExpr ParseBalanced(TokenKind op, string function, Func<ParsedExpr> parseTerm)
    {
        var first = parseTerm();
        if (Current.Kind != op)
        {
            return first;
        }

        var terms = new List<ParsedExpr> { first };
        var positions = new List<int>();
        while (Current.Kind == op)
        {
            positions.Add(Advance().Position);
            terms.Add(parseTerm());
        }

        return Balance(terms, positions, function, 0, terms.Count - 1);
    }

    private ParsedExpr Balance(List<ParsedExpr> terms, List<int> positions, string function, int low, int high)
    {
        if (low == high)
        {
            return terms[low];
        }

        var middle = (low + high) / 2;
        var left = Balance(terms, positions, function, low, middle);
        var right = Balance(terms, positions, function, middle + 1, high);
        return MakeCall(positions[middle], null, function, [left, right]);
    }

    private ParsedExpr ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            var function = Current.Kind switch
            {
                TokenKind.Less => Operators.Less,
                TokenKind.LessEquals => Operators.LessEquals,
                TokenKind.Greater => Operators.Greater,
                TokenKind.GreaterEquals => Operators.GreaterEquals,
                TokenKind.EqualEqual => Operators.Equal,
                TokenKind.NotEqual => Operators.NotEqual,
                TokenKind.In => Operators.In,
                _ => null,
            };
            if (function is null)
            {
                return left;
            }

            var op = Advance();
            var right = ParseAddition();
            left = MakeCall(op.Position, null, function, [left, right]);
        }
    }

    private ParsedExpr ParseAddition()
    {
        var left = ParseMultiplication();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplication();
            left = MakeCall(op.Position, null, op.Kind == TokenKind.Plus ? Operators.Add : Operators.Subtract, [left, right]);
        }

        return left;
    }

    private ParsedExpr ParseMultiplication()
    {
        var left = ParseUnary();
        while (true)
        {
            var function = Current.Kind switch
            {
                TokenKind.Star => Operators.Multiply,
                TokenKind.Slash => Operators.Divide,
                TokenKind.Percent => Operators.Modulo,
                _ => null,
            };
            if (function is null)
            {
                return left;
            }

            var op = Advance();
            var right = ParseUnary();
            left = MakeCall(op.Position, null, function, [left, right]);
        }
    }

    /// <summary>Parses <c>!!x</c> or <c>--x</c> (one kind of operator per run, as in the grammar). A <c>-</c> right
    /// before a number literal belongs to the literal, so <c>-1</c> is a constant and <c>--1</c> is <c>-_(-1)</c>.
    /// Pairs of the same operator cancel, as in the reference parser: <c>--x</c> is <c>x</c>, <c>!!!x</c> is <c>!x</c>.</summary>
    private ParsedExpr ParseUnary()
    {
        var kind = Current.Kind;
        if (kind is not (TokenKind.Bang or TokenKind.Minus))
        {
            return ParseMember();
        }

        var positions = new List<int>();
        while (Current.Kind == kind && !(kind == TokenKind.Minus && IsSignableLiteral(Peek(1).Kind)))
        {
            positions.Add(Advance().Position);
        }

        var operand = ParseMember();
        // As in the reference parser, a run of the same operator cancels out in pairs: --x is x and !!!x is !x.
        if (positions.Count % 2 == 0)
        {
            return operand;
        }

        return MakeCall(positions[0], null, kind == TokenKind.Bang ? Operators.LogicalNot : Operators.Negate, [operand]);
    }

    private ParsedExpr ParseMember()
    {
        var node = ParsePrimary();
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Dot:
                    node = ParseSelectOrMemberCall(node);
                    break;
                case TokenKind.LeftBracket:
                {
                    var open = Advance();
                    var optional = Accept(TokenKind.Question);
                    var index = ParseExpr();
                    Expect(TokenKind.RightBracket, "expected ']' to close the index");
                    node = MakeCall(open.Position, null, optional ? Operators.OptionalIndex : Operators.Index, [node, index]);
                    break;
                }

                default:
                    return node;
            }
        }
    }

    private ParsedExpr ParseSelectOrMemberCall(ParsedExpr operand)
    {
        var dot = Advance();
        var optional = Accept(TokenKind.Question);
        var nameToken = Current;
        var name = ReadFieldName("after '.'");
        if (Current.Kind != TokenKind.LeftParen)
        {
            return Make(new SelectExpr(NextId(), dot.Position, operand.Expr, name, optional), operand.Depth);
        }

        if (optional)
        {
            throw SyntaxErrors.At(_source, Current.Position, "an optional selection '.?' cannot be called like a function");
        }

        if (nameToken.Kind == TokenKind.QuotedIdentifier)
        {
            throw SyntaxErrors.At(_source, nameToken.Position, "a quoted name cannot be called like a function");
        }

        var args = ParseArguments();
        return MakeCall(nameToken.Position, operand, name, args);
    }

    /// <summary>Reads a field name: any identifier (reserved words included) or a backtick-quoted name.</summary>
    private string ReadFieldName(string where)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Identifier or TokenKind.QuotedIdentifier:
                Advance();
                return token.Text!;
            case TokenKind.In or TokenKind.True or TokenKind.False or TokenKind.Null:
            {
                var word = _source.Substring(token.Position, token.Length);
                throw SyntaxErrors.At(_source, token.Position, $"'{word}' is a keyword; write `{word}` to use it as a field name");
            }

            default:
                throw SyntaxErrors.At(_source, token.Position, $"expected a field name {where}, found {Describe(token)}");
        }
    }

    private List<ParsedExpr> ParseArguments()
    {
        Expect(TokenKind.LeftParen, "expected '('");
        var args = new List<ParsedExpr>();
        if (Accept(TokenKind.RightParen))
        {
            return args;
        }

        do
        {
            args.Add(ParseExpr());
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RightParen, "expected ')' to close the argument list");
        return args;
    }

    private ParsedExpr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Minus when IsSignableLiteral(Peek(1).Kind):
                Advance();
                return ParseNumber(Advance(), token.Position, negative: true);
            case TokenKind.Int or TokenKind.Uint or TokenKind.Double:
                return ParseNumber(Advance(), token.Position, negative: false);
            case TokenKind.String or TokenKind.Bytes:
                Advance();
                return Constant(token.Position, token.Value);
            case TokenKind.True:
                Advance();
                return Constant(token.Position, CelValue.True);
            case TokenKind.False:
                Advance();
                return Constant(token.Position, CelValue.False);
            case TokenKind.Null:
                Advance();
                return Constant(token.Position, CelValue.Null);
            case TokenKind.Identifier or TokenKind.Dot:
                return ParseIdentifierCallOrStruct();
            case TokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RightParen, "expected ')' to close '('");
                return inner;
            }

            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftBrace:
                return ParseMap();
            default:
                throw Unexpected(token);
        }
    }

    private ParsedExpr ParseIdentifierCallOrStruct()
    {
        var start = Current.Position;
        var leadingDot = Current.Kind == TokenKind.Dot;
        var first = Peek(leadingDot ? 1 : 0);
        if (first.Kind != TokenKind.Identifier)
        {
            throw leadingDot
                ? SyntaxErrors.At(_source, first.Position, $"expected an identifier after '.', found {Describe(first)}")
                : Unexpected(first);
        }

        if (ReservedWords.Contains(first.Text!))
        {
            throw SyntaxErrors.At(_source, first.Position, $"reserved identifier '{first.Text}'");
        }

        if (IsStructName(leadingDot ? 2 : 1))
        {
            return ParseStruct(start, leadingDot);
        }

        if (leadingDot)
        {
            Advance();
        }

        Advance();
        var name = leadingDot ? "." + first.Text : first.Text!;
        if (Current.Kind == TokenKind.LeftParen)
        {
            var args = ParseArguments();
            return MakeCall(start, null, name, args);
        }

        return Leaf(new IdentExpr(NextId(), start, name));
    }

    /// <summary>Looks ahead from token <paramref name="offset"/> for <c>(. name)* {</c>, i.e. a message construction.</summary>
    private bool IsStructName(int offset)
    {
        while (Peek(offset).Kind == TokenKind.Dot && Peek(offset + 1).Kind == TokenKind.Identifier)
        {
            offset += 2;
        }

        return Peek(offset).Kind == TokenKind.LeftBrace;
    }

    private ParsedExpr ParseStruct(int start, bool leadingDot)
    {
        var name = new System.Text.StringBuilder();
        if (leadingDot)
        {
            name.Append('.');
            Advance();
        }

        name.Append(Advance().Text);
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            name.Append('.').Append(Advance().Text);
        }

        Expect(TokenKind.LeftBrace, "expected '{'");
        var fields = new List<StructField>();
        var depth = 0;
        while (Current.Kind != TokenKind.RightBrace)
        {
            var fieldStart = Current.Position;
            var optional = Accept(TokenKind.Question);
            var fieldName = ReadFieldName("in message construction");
            Expect(TokenKind.Colon, $"expected ':' after field '{fieldName}'");
            var value = ParseExpr();
            depth = Math.Max(depth, value.Depth);
            fields.Add(new StructField(fieldStart, fieldName, value.Expr, optional));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace, "expected '}' to close the message construction");
        return Make(new StructExpr(NextId(), start, name.ToString(), fields), depth);
    }

    private ParsedExpr ParseList()
    {
        var open = Advance();
        var elements = new List<ListElement>();
        var depth = 0;
        while (Current.Kind != TokenKind.RightBracket)
        {
            var optional = Accept(TokenKind.Question);
            var value = ParseExpr();
            depth = Math.Max(depth, value.Depth);
            elements.Add(new ListElement(value.Expr, optional));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBracket, "expected ']' to close the list");
        return Make(new ListExpr(NextId(), open.Position, elements), depth);
    }

    private ParsedExpr ParseMap()
    {
        var open = Advance();
        var entries = new List<MapEntry>();
        var depth = 0;
        while (Current.Kind != TokenKind.RightBrace)
        {
            var entryStart = Current.Position;
            var optional = Accept(TokenKind.Question);
            var key = ParseExpr();
            Expect(TokenKind.Colon, "expected ':' after map key");
            var value = ParseExpr();
            depth = Math.Max(depth, Math.Max(key.Depth, value.Depth));
            entries.Add(new MapEntry(entryStart, key.Expr, value.Expr, optional));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace, "expected '}' to close the map");
        return Make(new MapExpr(NextId(), open.Position, entries), depth);
    }

    private ParsedExpr ParseNumber(Token token, int position, bool negative)
    {
        var text = token.Text!;
        switch (token.Kind)
        {
            case TokenKind.Double:
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
                {
                    throw SyntaxErrors.At(_source, position, "double literal out of range");
                }

                return Constant(position, CelValue.Double(negative ? -value : value));
            }

            case TokenKind.Uint:
                return TryParseMagnitude(text, out var unsigned)
                    ? Constant(position, CelValue.Uint(unsigned))
                    : throw SyntaxErrors.At(_source, position, "unsigned integer literal out of range");
            default:
            {
                const ulong minMagnitude = 1UL << 63;
                if (!TryParseMagnitude(text, out var magnitude) || magnitude > (negative ? minMagnitude : long.MaxValue))
                {
                    throw SyntaxErrors.At(_source, position, "integer literal out of range");
                }

                var value = negative ? (magnitude == minMagnitude ? long.MinValue : -(long)magnitude) : (long)magnitude;
                return Constant(position, CelValue.Int(value));
            }
        }
    }

    private static bool TryParseMagnitude(string text, out ulong value) =>
        text.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool IsSignableLiteral(TokenKind kind) => kind is TokenKind.Int or TokenKind.Double;

    private ParsedExpr Constant(int position, CelValue value) => Leaf(new ConstantExpr(NextId(), position, value));

    private static ParsedExpr Leaf(Expr expr) => new(expr, 0);

    private ParsedExpr MakeCall(int position, ParsedExpr? target, string function, List<ParsedExpr> args)
    {
        var depth = target?.Depth ?? 0;
        var exprs = new Expr[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            exprs[i] = args[i].Expr;
            depth = Math.Max(depth, args[i].Depth);
        }

        return Make(new CallExpr(NextId(), position, target?.Expr, function, exprs), depth);
    }

    private ParsedExpr Make(Expr expr, int childDepth)
    {
        var depth = childDepth + 1;
        if (depth > _maxDepth)
        {
            throw NestingError(expr.Position);
        }

        return new ParsedExpr(expr, depth);
    }

    private int NextId() => _nextId++;

    private CelCompileException NestingError(int position) =>
        SyntaxErrors.At(_source, position, $"expression nesting exceeds {_maxDepth}");

    private Token Peek(int offset)
    {
        var at = _index + offset;
        while (_tokens.Count <= at)
        {
            if (_tokens.Count > 0 && _tokens[^1].Kind == TokenKind.End)
            {
                return _tokens[^1];
            }

            _tokens.Add(_lexer.Next());
        }

        return _tokens[at];
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(TokenKind kind, string message)
    {
        if (Current.Kind != kind)
        {
            throw SyntaxErrors.At(_source, Current.Position, $"{message}, found {Describe(Current)}");
        }

        Advance();
    }

    private string Describe(Token token) =>
        token.Kind == TokenKind.End ? "end of expression" : SyntaxErrors.Describe(_source, token.Position, token.Length);

    private CelCompileException Unexpected(Token token) =>
        SyntaxErrors.At(
            _source,
            token.Position,
            token.Kind == TokenKind.End ? "unexpected end of expression" : $"unexpected token {Describe(token)}");
}
