using Portcullis.Cel.Syntax;

namespace Portcullis.Cel.Tests.Syntax;

public class StringLiteralTests
{
    private static string Str(string source) => Assert.IsType<ConstantExpr>(CelParser.Parse(source)).Value.AsString;

    private static byte[] Bytes(string source) => Assert.IsType<ConstantExpr>(CelParser.Parse(source)).Value.AsBytes;

    [Theory]
    [InlineData("'hello'", "hello")]
    [InlineData("\"hello\"", "hello")]
    [InlineData("'''hello'''", "hello")]
    [InlineData("\"\"\"hello\"\"\"", "hello")]
    [InlineData("'''a\nb'''", "a\nb")]
    [InlineData("'''x''x'''", "x''x")]
    [InlineData("'\"\"'", "\"\"")]
    [InlineData("\"'\"", "'")]
    [InlineData("' \\\\ \\? \\\" \\' \\` '", " \\ ? \" ' ` ")]
    [InlineData("'\\a\\b\\f\\n\\r\\t\\v'", "\a\b\f\n\r\t\v")]
    [InlineData("'\\x41\\X42\\x7f'", "AB\u007f")]
    [InlineData("'\\u00e9\\uFFFB'", "é\uFFFB")]
    [InlineData("'\\U0001F62C'", "😬")]
    [InlineData("'\\000\\101\\377'", "\0Aÿ")]
    [InlineData("'\\303\\277'", "Ã¿")]
    [InlineData("r'\\n\\x'", "\\n\\x")]
    [InlineData("R\"\\\\\"", "\\\\")]
    [InlineData("r'''a\\'''", "a\\")]
    [InlineData("'😀'", "😀")]
    [InlineData("'''\\''''", "'")]
    public void Parse_StringLiteral_DecodesEscapes(string source, string expected)
    {
        Assert.Equal(expected, Str(source));
    }

    [Theory]
    [InlineData("b'abc'", "616263")]
    [InlineData("B\"ÿ\"", "C3BF")]
    [InlineData("b'\\303\\277'", "C3BF")]
    [InlineData("b'\\377'", "FF")]
    [InlineData("b'\\xFF\\x00'", "FF00")]
    [InlineData("b'\\n\\''", "0A27")]
    [InlineData("br'\\xFF'", "5C784646")]
    [InlineData("Rb'\\n'", "5C6E")]
    [InlineData("b'''a\nb'''", "610A62")]
    [InlineData("b'😀'", "F09F9880")]
    public void Parse_BytesLiteral_EncodesUtf8AndRawOctets(string source, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexString(Bytes(source)));
    }

    [Theory]
    [InlineData("'\\q'", "invalid escape sequence '\\q'")]
    [InlineData("'\\x4'", "invalid escape sequence '\\x'")]
    [InlineData("'\\u12'", "invalid escape sequence '\\u'")]
    [InlineData("'\\uD800'", "not a valid Unicode code point")]
    [InlineData("'\\U00110000'", "not a valid Unicode code point")]
    [InlineData("'\\400'", "invalid escape sequence '\\4'")]
    [InlineData("'\\12'", "octal escapes need three digits")]
    [InlineData("b'\\u0041'", "not allowed in bytes")]
    [InlineData("'abc", "unterminated string literal")]
    [InlineData("'''abc''", "unterminated string literal")]
    [InlineData("'abc\\'", "unterminated string literal")]
    [InlineData("r'a\nb'", "unterminated string literal")]
    public void Parse_BadStringLiteral_Fails(string source, string message)
    {
        var ex = Assert.Throws<CelCompileException>(() => CelParser.Parse(source));
        Assert.Contains(message, ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnpairedSurrogateInLiteral_Fails()
    {
        var source = "'a" + (char)0xD800 + "'";
        var ex = Assert.Throws<CelCompileException>(() => CelParser.Parse(source));
        Assert.Contains("unpaired surrogate", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadEscape_ReportsEscapePosition()
    {
        var ex = Assert.Throws<CelCompileException>(() => CelParser.Parse("x + 'ab\\z'"));
        Assert.Equal((1, 8), (ex.Diagnostics[0].Line, ex.Diagnostics[0].Column));
    }
}
