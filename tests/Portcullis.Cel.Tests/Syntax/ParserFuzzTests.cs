using System.Diagnostics;
using System.Text;
using Portcullis.Cel.Syntax;

namespace Portcullis.Cel.Tests.Syntax;

public class ParserFuzzTests
{
    private static readonly string[] Alphabet =
    [
        "a", "b", "x", "_y1", "f", "1", "0", "42", "1u", "0x1F", "1.5", ".5", "1e3", "-", "+", "*", "/", "%", "!", "&&",
        "||", "==", "!=", "<", "<=", ">", ">=", "in", "?", ":", ",", ".", ".?", "(", ")", "[", "[?", "]", "{", "{?", "}",
        "'", "\"", "'''", "\"\"\"", "`", "\\", "\\x", "\\u", "\\U", "\\0", "r", "b", "br", "'s'", "\"t\"", "b'z'",
        "r'\\d'", "true", "false", "null", "if", "as", " ", "\n", "\t", "//", "=", "&", "|", "#", "é", "😀", "9223372036854775808",
        "\ud800", "e", "u", "x.y", "f(", "T{",
    ];

    private static readonly string[] Seeds =
    [
        "a.b.c && f(x, 1) || [1, 2, 3].exists(v, v > 2)",
        "request.auth.claims['role'] in ['admin', 'ops'] ? 1u : -2",
        "{'k': b'\\x00', ?'o': x.?y}[?'k'].orValue(0.5e-3)",
        "T{f: 1, ?g: [?a, b,]}.f + .x.y - -9223372036854775808",
        "'''multi\nline''' + r\"raw\\\\\" + \"\\u00e9\\U0001F600\\101\"",
        "!!(a < b) == (c >= d) != (e % 2 == 0) // comment\n && x.`content-type`",
    ];

    [Fact]
    public void Parse_RandomAndMutatedInput_ReturnsTreeOrCompileError()
    {
        var random = new Random(20240531);
        var options = new CelOptions { MaxNestingDepth = 40, MaxExpressionLength = 2_000 };
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            var source = random.Next(3) == 0 ? RandomTokens(random) : Mutate(random, Seeds[random.Next(Seeds.Length)]);
            try
            {
                Assert.NotNull(CelParser.Parse(source, options));
            }
            catch (CelCompileException ex)
            {
                Assert.NotEmpty(ex.Diagnostics);
                Assert.All(ex.Diagnostics, d => Assert.InRange(d.Position, 0, source.Length));
            }
            catch (Exception ex)
            {
                Assert.Fail($"{ex.GetType().Name} for source {Escape(source)}: {ex}");
            }

            runs++;
        }

        Assert.True(runs > 100, $"only {runs} runs");
    }

    [Fact]
    public void Parse_Seeds_AreValid()
    {
        foreach (var seed in Seeds)
        {
            Assert.NotNull(CelParser.Parse(seed));
        }
    }

    private static string RandomTokens(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Mutate(Random random, string seed)
    {
        var text = seed;
        var steps = random.Next(1, 5);
        for (var i = 0; i < steps; i++)
        {
            var at = random.Next(text.Length + 1);
            var length = random.Next(0, Math.Min(12, text.Length - at) + 1);
            text = random.Next(4) switch
            {
                0 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)]),
                1 => text.Remove(at, length),
                2 => text.Insert(at, text.Substring(at, length) + text.Substring(at, length)),
                _ => text.Insert(at, seed.Substring(random.Next(seed.Length), 1)),
            };
        }

        return text;
    }

    private static string Escape(string source)
    {
        var builder = new StringBuilder();
        foreach (var c in source)
        {
            builder.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
