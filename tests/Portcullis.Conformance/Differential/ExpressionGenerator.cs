using System.Globalization;
using System.Text;
using Portcullis.Cel.Values;

namespace Portcullis.Conformance.Differential;

/// <summary>A seeded, type-directed generator of well-typed CEL expressions over JSON-shaped variables. It picks a
/// target type, then builds an expression of that type from literals, typed variables, arithmetic on matching numeric
/// types, comparisons (including mixed numeric ones), logic, string functions, list and map literals, indexing,
/// <c>in</c>, the macros all/exists/exists_one/map/filter, <c>has()</c> on maps, conversions and ternaries. It uses
/// nothing the default environment of @bufbuild/cel lacks (no optional syntax, no string extensions).</summary>
internal sealed class ExpressionGenerator
{
    private const int MaxDepth = 4;

    private static readonly (string Name, GenType Type)[] Globals =
    [
        ("i", GenType.Int), ("j", GenType.Int), ("u", GenType.Uint), ("w", GenType.Uint), ("d", GenType.Double),
        ("f", GenType.Double), ("s", GenType.String), ("t", GenType.String), ("b", GenType.Bool), ("by", GenType.Bytes),
        ("li", GenType.ListOf(GenType.Int)), ("lu", GenType.ListOf(GenType.Uint)), ("ld", GenType.ListOf(GenType.Double)),
        ("ls", GenType.ListOf(GenType.String)), ("lb", GenType.ListOf(GenType.Bool)),
        ("m", GenType.MapOf(GenType.Int)), ("ms", GenType.MapOf(GenType.String)), ("ml", GenType.MapOf(GenType.ListOf(GenType.Int))),
    ];

    private static readonly string[] Strings =
        ["", "a", "abc", "Hello", "hello world", "é", "naïve", "😀", "a😀b", "12", "-7", "3.5", "1e3", "true", "ab\"c", "tab\there", "a.b", "key"];

    private static readonly string[] Keys = ["a", "b", "c", "key", "k2"];

    private static readonly double[] Doubles = [0.0, 0.5, 1.5, -2.25, 3.0, -7.0, 100.125, 0.1, 1e10, -1e-3, 2.5e15, 42.0];

    private static readonly string[] IterationVariables = ["x", "y", "z"];

    private readonly Random _rng;
    private readonly List<(string Name, GenType Type)> _scope = [];
    private Dictionary<string, CelValue> _used = new(StringComparer.Ordinal);
    private List<KeyValuePair<string, CelValue>> _usedOrder = [];

    /// <summary>Creates a generator; the same seed gives the same expressions and inputs.</summary>
    public ExpressionGenerator(int seed) => _rng = new Random(seed);

    /// <summary>Generates <paramref name="count"/> cases.</summary>
    public List<GeneratedCase> Generate(int count)
    {
        var cases = new List<GeneratedCase>(count);
        for (var n = 0; n < count; n++) cases.Add(Next());
        return cases;
    }

    /// <summary>Generates one expression of a random type with values for the variables it uses.</summary>
    public GeneratedCase Next()
    {
        _used = new(StringComparer.Ordinal);
        _usedOrder = [];
        _scope.Clear();
        var expr = Gen(PickTargetType(), MaxDepth);
        return new GeneratedCase(expr, _usedOrder);
    }

    private GenType PickTargetType() => Roll(100) switch
    {
        < 35 => GenType.Bool,
        < 50 => GenType.Int,
        < 58 => GenType.Uint,
        < 68 => GenType.Double,
        < 80 => GenType.String,
        < 83 => GenType.Bytes,
        < 93 => GenType.ListOf(PickElementType()),
        _ => GenType.MapOf(PickElementType()),
    };

    private GenType PickElementType() => Roll(10) switch
    {
        < 4 => GenType.Int,
        < 5 => GenType.Uint,
        < 6 => GenType.Double,
        < 8 => GenType.String,
        _ => GenType.Bool,
    };

    private string Gen(GenType type, int depth)
    {
        if (depth <= 0 || Roll(100) < 20) return Leaf(type);
        var d = depth - 1;
        return type.Kind switch
        {
            GenKind.Int => GenInt(d),
            GenKind.Uint => GenUint(d),
            GenKind.Double => GenDouble(d),
            GenKind.String => GenString(d),
            GenKind.Bool => GenBool(d),
            GenKind.Bytes => GenBytes(d),
            GenKind.List => GenList(type, d),
            _ => GenMap(type, d),
        };
    }

    private string GenInt(int d) => Roll(12) switch
    {
        0 or 1 or 2 => Arithmetic(GenType.Int, d, "+", "-", "*", "/", "%"),
        3 => $"-{Paren(Gen(GenType.Int, d))}",
        4 => Roll(3) switch
        {
            0 => $"size({Gen(GenType.String, d)})",
            1 => $"{Paren(Gen(GenType.String, d))}.size()",
            _ => $"size({Gen(GenType.ListOf(PickElementType()), d)})",
        },
        5 => $"size({Gen(GenType.MapOf(PickElementType()), d)})",
        6 => Roll(3) switch
        {
            0 => $"int({Gen(GenType.Double, d)})",
            1 => $"int({Gen(GenType.Uint, d)})",
            _ => $"int({NumericString(d)})",
        },
        7 or 8 => Ternary(GenType.Int, d),
        9 => ListIndex(GenType.Int, d),
        10 => MapIndex(GenType.Int, d),
        _ => Leaf(GenType.Int),
    };

    private string GenUint(int d) => Roll(8) switch
    {
        0 or 1 or 2 => Arithmetic(GenType.Uint, d, "+", "-", "*", "/", "%"),
        3 => Roll(3) switch
        {
            0 => $"uint({Gen(GenType.Int, d)})",
            1 => $"uint({Gen(GenType.Double, d)})",
            _ => $"uint({NumericString(d)})",
        },
        4 => Ternary(GenType.Uint, d),
        5 => ListIndex(GenType.Uint, d),
        _ => Leaf(GenType.Uint),
    };

    private string GenDouble(int d) => Roll(9) switch
    {
        0 or 1 or 2 => Arithmetic(GenType.Double, d, "+", "-", "*", "/"),
        3 => $"-{Paren(Gen(GenType.Double, d))}",
        4 => Roll(3) switch
        {
            0 => $"double({Gen(GenType.Int, d)})",
            1 => $"double({Gen(GenType.Uint, d)})",
            _ => $"double({NumericString(d)})",
        },
        5 => Ternary(GenType.Double, d),
        6 => ListIndex(GenType.Double, d),
        _ => Leaf(GenType.Double),
    };

    private string GenString(int d) => Roll(10) switch
    {
        0 or 1 or 2 => $"{Paren(Gen(GenType.String, d))} + {Paren(Gen(GenType.String, d))}",
        // string(double) is left out: CEL formats doubles like Go's %g ("1e-06", "-0", "-Inf") and @bufbuild/cel like
        // JS ("0.000001", "0", "-Infinity"); the difference leaks into sizes and comparisons where no pattern can
        // excuse it. The conformance suite's conversions cases check our formatting instead.
        3 => $"string({Gen(Pick(GenType.Int, GenType.Uint, GenType.Bool, GenType.String), d)})",
        4 => $"string({Gen(GenType.Bytes, d)})",
        5 => Ternary(GenType.String, d),
        6 => ListIndex(GenType.String, d),
        7 => MapIndex(GenType.String, d),
        _ => Leaf(GenType.String),
    };

    private string GenBytes(int d) => Roll(5) switch
    {
        0 => $"{Paren(Gen(GenType.Bytes, d))} + {Paren(Gen(GenType.Bytes, d))}",
        1 => $"bytes({Gen(GenType.String, d)})",
        2 => Ternary(GenType.Bytes, d),
        _ => Leaf(GenType.Bytes),
    };

    private string GenBool(int d)
    {
        switch (Roll(16))
        {
            case 0:
            case 1:
                return $"{Paren(Gen(GenType.Bool, d))} {Pick("&&", "||")} {Paren(Gen(GenType.Bool, d))}";
            case 2:
                return $"!{Paren(Gen(GenType.Bool, d))}";
            case 3:
            case 4:
            {
                // Ordering: numbers of any mix of kinds, or two strings, bytes or bools.
                var op = Pick("<", "<=", ">", ">=");
                var (l, r) = Roll(3) > 0
                    ? (PickNumber(), PickNumber())
                    : Pick((GenType.String, GenType.String), (GenType.Bytes, GenType.Bytes), (GenType.Bool, GenType.Bool));
                return $"{Paren(Gen(l, d))} {op} {Paren(Gen(r, d))}";
            }
            case 5:
            case 6:
            {
                var op = Pick("==", "!=");
                if (Roll(2) == 0) return $"{Paren(Gen(PickNumber(), d))} {op} {Paren(Gen(PickNumber(), d))}";
                var type = Roll(4) == 0 ? Pick(GenType.ListOf(PickElementType()), GenType.MapOf(PickElementType())) : Pick([.. GenType.Scalars]);
                return $"{Paren(Gen(type, d))} {op} {Paren(Gen(type, d))}";
            }
            case 7:
                return $"{Paren(Gen(GenType.String, d))}.{Pick("contains", "startsWith", "endsWith")}({Gen(GenType.String, d)})";
            case 8:
            {
                var element = Pick(GenType.Int, GenType.String, GenType.Double, GenType.Uint);
                return $"{Paren(Gen(element, d))} in {Paren(Gen(GenType.ListOf(element), d))}";
            }
            case 9:
                return $"{Paren(Gen(GenType.String, d))} in {Paren(Gen(GenType.MapOf(PickElementType()), d))}";
            case 10:
            case 11:
                return Quantifier(d);
            case 12:
                return $"has({Paren(Gen(GenType.MapOf(PickElementType()), d))}.{Pick(Keys)})";
            case 13:
                return Ternary(GenType.Bool, d);
            case 14:
                return ListIndex(GenType.Bool, d);
            default:
                return Leaf(GenType.Bool);
        }
    }

    private string GenList(GenType type, int d) => Roll(8) switch
    {
        0 or 1 => ListLiteral(type, d),
        2 => $"{Paren(Gen(type, d))} + {Paren(Gen(type, d))}",
        3 => Ternary(type, d),
        4 or 5 => MapMacro(type, d),
        6 => FilterMacro(type, d),
        _ => type.Element!.Kind == GenKind.Int && Roll(2) == 0 ? MapIndex(type, d) : Leaf(type),
    };

    private string GenMap(GenType type, int d) => Roll(4) switch
    {
        0 or 1 => MapLiteral(type, d),
        2 => Ternary(type, d),
        _ => Leaf(type),
    };

    private string Arithmetic(GenType type, int d, params string[] ops) =>
        $"{Paren(Gen(type, d))} {Pick(ops)} {Paren(Gen(type, d))}";

    /// <summary>A string to convert to a number: mostly a numeric literal, sometimes any string expression.</summary>
    private string NumericString(int d) =>
        Roll(4) == 0 ? Gen(GenType.String, d) : Quote(Pick("0", "7", "-12", "42", "1.5", "-0.25", "1e3", "18446744073709551615", "9223372036854775808", " 3", "0x1F"));

    private string Ternary(GenType type, int d) =>
        $"{Paren(Gen(GenType.Bool, d))} ? {Paren(Gen(type, d))} : {Paren(Gen(type, d))}";

    private string ListIndex(GenType element, int d)
    {
        var index = Roll(8) == 0 ? Gen(GenType.Int, d) : Roll(2).ToString(CultureInfo.InvariantCulture);
        return $"{Paren(Gen(GenType.ListOf(element), d))}[{index}]";
    }

    private string MapIndex(GenType value, int d)
    {
        var key = Roll(4) == 0 ? Gen(GenType.String, d) : Quote(Pick(Keys));
        return $"{Paren(Gen(GenType.MapOf(value), d))}[{key}]";
    }

    private string Quantifier(int d)
    {
        var macro = Pick("all", "exists", "exists_one");
        var list = GenType.ListOf(PickElementType());
        var (range, element) = Roll(4) == 0
            ? (GenType.MapOf(PickElementType()), GenType.String) // comprehensions over a map range over its keys
            : (list, list.Element!);
        var source = Paren(Gen(range, d));
        var variable = Bind(element);
        var body = Gen(GenType.Bool, d);
        Unbind();
        return $"{source}.{macro}({variable}, {body})";
    }

    private string MapMacro(GenType result, int d)
    {
        var source = GenType.ListOf(PickElementType());
        var range = Paren(Gen(source, d));
        var variable = Bind(source.Element!);
        var filter = Roll(4) == 0 ? Gen(GenType.Bool, d) + ", " : "";
        var body = Gen(result.Element!, d);
        Unbind();
        return $"{range}.map({variable}, {filter}{body})";
    }

    private string FilterMacro(GenType type, int d)
    {
        var range = Paren(Gen(type, d));
        var variable = Bind(type.Element!);
        var body = Gen(GenType.Bool, d);
        Unbind();
        return $"{range}.filter({variable}, {body})";
    }

    private string ListLiteral(GenType type, int d)
    {
        var items = Enumerable.Range(0, Roll(6) == 0 ? 0 : 1 + Roll(3)).Select(_ => Gen(type.Element!, Math.Min(d, 1)));
        return "[" + string.Join(", ", items) + "]";
    }

    private string MapLiteral(GenType type, int d)
    {
        var keys = Keys.OrderBy(_ => _rng.Next()).Take(Roll(6) == 0 ? 0 : 1 + Roll(4));
        return "{" + string.Join(", ", keys.Select(k => $"{Quote(k)}: {Gen(type.Element!, Math.Min(d, 1))}")) + "}";
    }

    private string Leaf(GenType type)
    {
        var inScope = _scope.Where(v => v.Type == type).ToList();
        if (inScope.Count > 0 && Roll(3) > 0) return inScope[Roll(inScope.Count)].Name;
        var globals = Globals.Where(v => v.Type == type).ToList();
        if (globals.Count > 0 && Roll(2) == 0) return UseVariable(globals[Roll(globals.Count)]);
        return Literal(RandomValue(type));
    }

    private string UseVariable((string Name, GenType Type) variable)
    {
        if (!_used.ContainsKey(variable.Name))
        {
            var value = RandomValue(variable.Type);
            _used[variable.Name] = value;
            _usedOrder.Add(new(variable.Name, value));
        }
        return variable.Name;
    }

    private string Bind(GenType type)
    {
        // Deeply nested macros can outnumber the preferred names; fall back to numbered ones.
        var name = IterationVariables.FirstOrDefault(n => _scope.All(v => v.Name != n)) ?? $"it{_scope.Count}";
        _scope.Add((name, type));
        return name;
    }

    private void Unbind() => _scope.RemoveAt(_scope.Count - 1);

    private CelValue RandomValue(GenType type) => type.Kind switch
    {
        GenKind.Int => CelValue.Int(Roll(20) switch
        {
            < 16 => Roll(21) - 10,
            < 19 => Roll(2001) - 1000,
            _ => Pick(long.MaxValue, long.MinValue, 1L << 32, -(1L << 40), 9_007_199_254_740_993L),
        }),
        GenKind.Uint => CelValue.Uint(Roll(20) switch
        {
            < 16 => (ulong)Roll(21),
            < 19 => (ulong)Roll(1001),
            _ => Pick(ulong.MaxValue, 1UL << 63, 1UL << 32),
        }),
        GenKind.Double => CelValue.Double(Roll(5) < 3 ? Pick(Doubles) : Math.Round((_rng.NextDouble() * 200) - 100, 2)),
        GenKind.String => CelValue.String(Pick(Strings)),
        GenKind.Bool => CelValue.Bool(Roll(2) == 0),
        GenKind.Bytes => CelValue.Bytes([.. Enumerable.Range(0, Roll(5)).Select(_ => (byte)(Roll(3) == 0 ? Roll(256) : 'a' + Roll(26)))]),
        GenKind.List => CelValue.List(CelList.Of([.. Enumerable.Range(0, Roll(8) == 0 ? 0 : 1 + Roll(4)).Select(_ => RandomValue(type.Element!))])),
        _ => CelValue.Map(RandomMap(type.Element!)),
    };

    private CelMap RandomMap(GenType valueType)
    {
        var dict = CelMap.NewDictionary();
        foreach (var key in Keys.OrderBy(_ => _rng.Next()).Take(Roll(8) == 0 ? 0 : 2 + Roll(3))) dict[CelValue.String(key)] = RandomValue(valueType);
        return CelMap.Of(dict);
    }

    private static string Literal(CelValue value) => value.Kind switch
    {
        CelValueKind.Bool => value.AsBool ? "true" : "false",
        CelValueKind.Int => value.AsInt < 0 ? $"({value.AsInt.ToString(CultureInfo.InvariantCulture)})" : value.AsInt.ToString(CultureInfo.InvariantCulture),
        CelValueKind.Uint => value.AsUint.ToString(CultureInfo.InvariantCulture) + "u",
        CelValueKind.Double => DoubleLiteral(value.AsDouble),
        CelValueKind.String => Quote(value.AsString),
        CelValueKind.Bytes => "b\"" + string.Concat(value.AsBytes.Select(x => x is >= (byte)'a' and <= (byte)'z' ? ((char)x).ToString() : $"\\x{x:x2}")) + "\"",
        CelValueKind.List => "[" + string.Join(", ", value.AsList.Select(Literal)) + "]",
        _ => "{" + string.Join(", ", value.AsMap.Select(e => $"{Literal(e.Key)}: {Literal(e.Value)}")) + "}",
    };

    private static string DoubleLiteral(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.Ordinal)) text += ".0";
        return value < 0 || double.IsNegative(value) ? $"(-{text})" : text;
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Parenthesizes an operand unless it is a single token (no whitespace), which keeps precedence right.</summary>
    private static string Paren(string expr) => expr.Any(char.IsWhiteSpace) ? "(" + expr + ")" : expr;

    private GenType PickNumber() => Pick(GenType.Int, GenType.Uint, GenType.Double);

    private int Roll(int n) => _rng.Next(n);

    private T Pick<T>(params T[] items) => items[_rng.Next(items.Length)];
}
