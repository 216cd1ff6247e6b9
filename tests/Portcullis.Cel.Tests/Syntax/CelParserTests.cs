using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Syntax;

public class CelParserTests
{
    private static string P(string source) => ExprPrinter.Print(CelParser.Parse(source));

    private static CelDiagnostic Error(string source, CelOptions? options = null)
    {
        var ex = Assert.Throws<CelCompileException>(() => CelParser.Parse(source, options));
        Assert.NotEmpty(ex.Diagnostics);
        return ex.Diagnostics[0];
    }

    [Theory]
    [InlineData("a || b && c", "_||_(a, _&&_(b, c))")]
    [InlineData("a && b || c", "_||_(_&&_(a, b), c)")]
    [InlineData("a && b == c", "_&&_(a, _==_(b, c))")]
    [InlineData("a < b + c", "_<_(a, _+_(b, c))")]
    [InlineData("a + b * c", "_+_(a, _*_(b, c))")]
    [InlineData("a * b + c", "_+_(_*_(a, b), c)")]
    [InlineData("a - b - c", "_-_(_-_(a, b), c)")]
    [InlineData("a / b % c", "_%_(_/_(a, b), c)")]
    [InlineData("-a * b", "_*_(-_(a), b)")]
    [InlineData("!a == b", "_==_(!_(a), b)")]
    [InlineData("!a.b", "!_(a.b)")]
    [InlineData("x in y && z", "_&&_(@in(x, y), z)")]
    [InlineData("a <= b != c >= d", "_>=_(_!=_(_<=_(a, b), c), d)")]
    [InlineData("a > b", "_>_(a, b)")]
    [InlineData("a ? b : c", "_?_:_(a, b, c)")]
    [InlineData("a ? b : c ? d : e", "_?_:_(a, b, _?_:_(c, d, e))")]
    [InlineData("a || b ? c + 1 : d", "_?_:_(_||_(a, b), _+_(c, 1), d)")]
    [InlineData("(a + b) * c", "_*_(_+_(a, b), c)")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("a.b[0].c(1, 2)", "_[_](a.b, 0).c(1, 2)")]
    [InlineData("f(a, b)(c)", "")]
    public void Parse_Operators_FollowPrecedenceAndAssociativity(string source, string expected)
    {
        if (expected.Length == 0)
        {
            Error(source);
            return;
        }

        Assert.Equal(expected, P(source));
    }

    [Theory]
    [InlineData("f(x)", "f(x)")]
    [InlineData("f()", "f()")]
    [InlineData("x.f()", "x.f()")]
    [InlineData(".x", ".x")]
    [InlineData(".x.y", ".x.y")]
    [InlineData(".f(1)", ".f(1)")]
    [InlineData("[1, 2].all(x, x > 0)", "[1, 2].all(x, _>_(x, 0))")]
    [InlineData("has(a.b)", "has(a.b)")]
    [InlineData("a[b][c]", "_[_](_[_](a, b), c)")]
    [InlineData("a[?b]", "_[?_](a, b)")]
    [InlineData("a.?b", "a.?b")]
    [InlineData("a.?b.c", "a.?b.c")]
    [InlineData("[]", "[]")]
    [InlineData("[1, ?a, 3,]", "[1, ?a, 3]")]
    [InlineData("{}", "{}")]
    [InlineData("{'k': 1, ?'k2': v,}", "{\"k\": 1, ?\"k2\": v}")]
    [InlineData("A{}", "A{}")]
    [InlineData("a.b.C{f: 1, ?g: x,}", "a.b.C{f: 1, ?g: x}")]
    [InlineData(".a.B{f: 1}.f", ".a.B{f: 1}.f")]
    [InlineData("a.`b-c`", "a.b-c")]
    [InlineData("a.`foo.txt`.`x y/z`", "a.foo.txt.x y/z")]
    [InlineData("T{`in`: true}.`in`", "T{in: true}.in")]
    [InlineData("a.as", "a.as")]
    [InlineData("a.while()", "a.while()")]
    [InlineData("T{if: 1, return: 2}", "T{if: 1, return: 2}")]
    [InlineData("1.size()", "1.size()")]
    [InlineData("(a){}", "")]
    [InlineData("a.`b`()", "")]
    [InlineData("a.?b()", "")]
    [InlineData("a.in", "")]
    [InlineData("[,]", "")]
    [InlineData("f(a,)", "")]
    public void Parse_MembersCallsAndAggregates_BuildExpectedTree(string source, string expected)
    {
        if (expected.Length == 0)
        {
            Error(source);
            return;
        }

        Assert.Equal(expected, P(source));
    }

    [Fact]
    public void Parse_Struct_KeepsQualifiedTypeName()
    {
        var expr = Assert.IsType<StructExpr>(CelParser.Parse("google.protobuf.Int64Value{value: 5}"));
        Assert.Equal("google.protobuf.Int64Value", expr.TypeName);
        Assert.Equal("value", Assert.Single(expr.Fields).Name);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("42", "42")]
    [InlineData("0x1F", "31")]
    [InlineData("0x1f", "31")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("-0x8000000000000000", "-9223372036854775808")]
    [InlineData("-1", "-1")]
    [InlineData("- 1", "-1")]
    [InlineData("1u", "1u")]
    [InlineData("1U", "1u")]
    [InlineData("0x1Fu", "31u")]
    [InlineData("18446744073709551615u", "18446744073709551615u")]
    [InlineData("1.5", "1.5d")]
    [InlineData(".5", "0.5d")]
    [InlineData("1e10", "10000000000d")]
    [InlineData("1E+2", "100d")]
    [InlineData("1.5e-3", "0.0015d")]
    [InlineData("-2.5", "-2.5d")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("-(1)", "-_(1)")]
    [InlineData("--1", "-_(-1)")]
    [InlineData("-x", "-_(x)")]
    [InlineData("---x", "-_(x)")]
    [InlineData("!!x", "x")]
    [InlineData("!-1", "!_(-1)")]
    [InlineData("-1u", "-_(1u)")]
    [InlineData("1 - 1", "_-_(1, 1)")]
    [InlineData("1 - -1", "_-_(1, -1)")]
    [InlineData("-1.abs()", "-1.abs()")]
    public void Parse_NumberAndKeywordLiterals_ProduceConstants(string source, string expected)
    {
        Assert.Equal(expected, P(source));
    }

    [Theory]
    [InlineData("9223372036854775808", "integer literal out of range")]
    [InlineData("-9223372036854775809", "integer literal out of range")]
    [InlineData("0xFFFFFFFFFFFFFFFF", "integer literal out of range")]
    [InlineData("18446744073709551616u", "unsigned integer literal out of range")]
    [InlineData("1e400", "double literal out of range")]
    [InlineData("1.", "expected a field name")]
    [InlineData("0x", "invalid hexadecimal literal")]
    [InlineData("1.5u", "unexpected token 'u'")]
    [InlineData("-!x", "unexpected token '!'")]
    public void Parse_BadNumbers_Fail(string source, string message)
    {
        Assert.Contains(message, Error(source).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("if")]
    [InlineData("while + 1")]
    [InlineData("return(1)")]
    [InlineData(".let")]
    [InlineData("namespace.x")]
    public void Parse_ReservedWordAsIdentifier_Fails(string source)
    {
        Assert.StartsWith("reserved identifier '", Error(source).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in")]
    [InlineData("a in")]
    [InlineData("true(1)")]
    public void Parse_Keywords_AreNotIdentifiers(string source)
    {
        Error(source);
    }

    [Fact]
    public void Parse_Ids_AreSequentialInCreationOrder()
    {
        var call = Assert.IsType<CallExpr>(CelParser.Parse("a + f(b)"));
        Assert.Equal(1, call.Args[0].Id);
        Assert.Equal(2, ((CallExpr)call.Args[1]).Args[0].Id);
        Assert.Equal(3, call.Args[1].Id);
        Assert.Equal(4, call.Id);
    }

    [Fact]
    public void Parse_Positions_PointAtIntroducingToken()
    {
        var call = Assert.IsType<CallExpr>(CelParser.Parse("ab + x.y"));
        Assert.Equal(3, call.Position);
        Assert.Equal(0, call.Args[0].Position);
        var select = Assert.IsType<SelectExpr>(call.Args[1]);
        Assert.Equal(6, select.Position);
        Assert.Equal(5, select.Operand.Position);
    }

    [Fact]
    public void Parse_CommentsAndWhitespace_AreIgnored()
    {
        Assert.Equal("_+_(a, b)", P("a // first\n\t+\r\n\fb // last"));
    }

    [Theory]
    [InlineData("a +\n  )", 2, 3, "unexpected token ')'")]
    [InlineData("f(1", 1, 4, "expected ')' to close the argument list, found end of expression")]
    [InlineData("a ? b", 1, 6, "expected ':' in conditional")]
    [InlineData("x = 1", 1, 3, "unexpected character '='")]
    [InlineData("'abc", 1, 1, "unterminated string literal")]
    [InlineData("a +\n'ab\ncd'", 2, 1, "unterminated string literal")]
    [InlineData("\"a\\qb\"", 1, 3, "invalid escape sequence '\\q'")]
    [InlineData("a #", 1, 3, "unexpected character '#'")]
    [InlineData("[1, 2", 1, 6, "expected ']' to close the list")]
    [InlineData("{1: 2", 1, 6, "expected '}' to close the map")]
    [InlineData("{1 2}", 1, 4, "expected ':' after map key")]
    [InlineData("", 1, 1, "unexpected end of expression")]
    [InlineData("a b", 1, 3, "unexpected token 'b'")]
    [InlineData("é + 1", 1, 1, "unexpected character 'é'")]
    [InlineData("a.`b", 1, 3, "unterminated quoted identifier")]
    [InlineData("a.`b!`", 1, 3, "invalid character '!' in quoted identifier")]
    public void Parse_SyntaxErrors_ReportLineColumnAndMessage(string source, int line, int column, string message)
    {
        var diagnostic = Error(source);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConformanceStyleRepetitions_AreAccepted()
    {
        var thirtyTwo = Enumerable.Repeat("x", 32);
        Assert.NotNull(CelParser.Parse(new string('(', 32) + "7" + new string(')', 32)));
        Assert.NotNull(CelParser.Parse(new string('-', 32) + "19"));
        Assert.NotNull(CelParser.Parse(new string('!', 32) + "true"));
        Assert.NotNull(CelParser.Parse(string.Join(" ? true : ", thirtyTwo) + " ? true : false"));
        Assert.NotNull(CelParser.Parse("a" + string.Concat(Enumerable.Repeat("[0]", 32))));
    }

    [Fact]
    public void Parse_LongLogicalChains_AreBalanced()
    {
        var and = CelParser.Parse(string.Join(" && ", Enumerable.Range(0, 1000).Select(i => "x" + i)));
        var or = CelParser.Parse(string.Join(" || ", Enumerable.Range(0, 1000).Select(i => "x" + i)));
        Assert.InRange(ExprPrinter.Depth(and), 2, 12);
        Assert.InRange(ExprPrinter.Depth(or), 2, 12);
        var idents = new List<string>();
        Collect(and, idents);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => "x" + i), idents);
    }

    private static void Collect(Expr expr, List<string> into)
    {
        if (expr is IdentExpr ident)
        {
            into.Add(ident.Name);
        }
        else if (expr is CallExpr call)
        {
            foreach (var arg in call.Args)
            {
                Collect(arg, into);
            }
        }
    }

    public static TheoryData<string, string> DeepSources() => new()
    {
        { "parens", new string('(', 10_000) + "1" + new string(')', 10_000) },
        { "lists", new string('[', 10_000) + new string(']', 10_000) },
        { "maps", string.Concat(Enumerable.Repeat("{1:", 10_000)) + "1" + new string('}', 10_000) },
        { "selects", "a" + string.Concat(Enumerable.Repeat(".b", 10_000)) },
        { "indexes", "a" + string.Concat(Enumerable.Repeat("[0]", 10_000)) },
        { "calls", string.Concat(Enumerable.Repeat("f(", 10_000)) + "1" + new string(')', 10_000) },
        { "member calls", "a" + string.Concat(Enumerable.Repeat(".f()", 10_000)) },
        { "additions", string.Join("+", Enumerable.Repeat("1", 10_000)) },
        { "ternaries", string.Concat(Enumerable.Repeat("a ? b : ", 10_000)) + "c" },
        { "struct", string.Concat(Enumerable.Repeat("T{f: ", 10_000)) + "1" + new string('}', 10_000) },
        { "unclosed", new string('(', 10_000) },
    };

    [Theory]
    [MemberData(nameof(DeepSources))]
    public void Parse_VeryDeepNesting_FailsCleanly(string name, string source)
    {
        var diagnostic = Error(source);
        Assert.True(diagnostic.Message == "expression nesting exceeds 250", name + ": " + diagnostic.Message);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsAccepted()
    {
        var options = new CelOptions { MaxNestingDepth = 10 };
        Assert.NotNull(CelParser.Parse(new string('(', 10) + "1" + new string(')', 10), options));
        Assert.NotNull(CelParser.Parse(new string('!', 10) + "x", options));
        Assert.Equal("expression nesting exceeds 10", Error(new string('(', 11) + "1" + new string(')', 11), options).Message);
        Assert.Equal("expression nesting exceeds 10", Error("a" + string.Concat(Enumerable.Repeat(".b", 11)), options).Message);
    }

    [Theory]
    [InlineData('!', "x", "x", "!_(x)")]
    [InlineData('-', "x", "x", "-_(x)")]
    [InlineData('-', "1", "-_(-1)", "-1")] // the last '-' belongs to the literal
    public void Parse_LongUnaryRuns_CancelInPairsWithoutRecursion(char op, string operand, string evenRun, string oddRun)
    {
        Assert.Equal(evenRun, ExprPrinter.Print(CelParser.Parse(new string(op, 10_000) + operand)));
        Assert.Equal(oddRun, ExprPrinter.Print(CelParser.Parse(new string(op, 10_001) + operand)));
    }

    [Fact]
    public void Parse_TooLongSource_FailsWithOneError()
    {
        var options = new CelOptions { MaxExpressionLength = 10 };
        Assert.NotNull(CelParser.Parse("1234567890", options));
        Assert.NotNull(CelParser.Parse("'😀😀😀😀😀😀'", options));
        var ex = Assert.Throws<CelCompileException>(() => CelParser.Parse("12345678901", options));
        Assert.Single(ex.Diagnostics);
        Assert.Contains("longer than the limit of 10", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CelParser.Parse(null!));
    }

    [Fact]
    public void Parse_ConstantValues_HaveCelKinds()
    {
        var value = Assert.IsType<ConstantExpr>(CelParser.Parse("b'\\xff'")).Value;
        Assert.Equal(CelValueKind.Bytes, value.Kind);
        Assert.Equal(new byte[] { 0xFF }, value.AsBytes);
    }
}
