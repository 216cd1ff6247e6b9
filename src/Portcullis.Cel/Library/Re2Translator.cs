using System.Globalization;
using System.Text;

namespace Portcullis.Cel.Library;

/// <summary>
/// Translates an RE2 pattern into a .NET pattern with the same meaning for <c>RegexOptions.NonBacktracking</c>:
/// code-point-aware <c>.</c> and classes, ASCII <c>\d \w \s</c>, <c>$</c> as end of text unless <c>(?m)</c>,
/// <c>(?P&lt;name&gt;…)</c> groups, <c>\Q…\E</c>, POSIX and Unicode classes, and RE2's repetition limit.
/// Constructs RE2 lacks (backreferences, lookarounds, atomic groups, possessive quantifiers) are rejected.
/// </summary>
internal sealed class Re2Translator
{
    /// <summary>RE2's largest repetition count.</summary>
    public const int MaxRepeat = 1000;

    /// <summary>The largest product of nested repetition counts accepted, bounding the compiled size.</summary>
    private const long MaxWeight = 100_000;

    private readonly string _p;
    private readonly StringBuilder _out = new();
    private readonly Stack<Scope> _scopes = new();
    private Scope _cur;
    private int _pos;
    private bool _canRepeat;
    private long _lastWeight = 1;

    private Re2Translator(string pattern) => _p = pattern;

    private struct Scope
    {
        public bool I;
        public bool M;
        public bool S;
        public bool U;
        public long Weight;
    }

    /// <summary>Returns the .NET pattern for <paramref name="pattern"/>; throws <see cref="Re2SyntaxException"/> when RE2 rejects it.</summary>
    public static string Translate(string pattern)
    {
        var t = new Re2Translator(pattern);
        t.Run();
        return t._out.ToString();
    }

    private void Run()
    {
        _cur.Weight = 1;
        while (_pos < _p.Length)
        {
            var c = _p[_pos];
            switch (c)
            {
                case '(':
                    OpenGroup();
                    break;
                case ')':
                    CloseGroup();
                    break;
                case '|':
                    _pos++;
                    _out.Append('|');
                    _canRepeat = false;
                    break;
                case '*':
                case '+':
                case '?':
                    _pos++;
                    Repeat(c.ToString(), c == '+' ? 1 : 0, c == '?' ? 1 : -1);
                    break;
                case '{':
                    if (TryParseCount(_pos, out var min, out var max, out var end))
                    {
                        var text = _p[_pos..end];
                        _pos = end;
                        Repeat(text, min, max);
                    }
                    else
                    {
                        _pos++;
                        Literal('{');
                    }
                    break;
                case '^':
                    _pos++;
                    Atom(_cur.M ? "(?m:^)" : @"\A");
                    break;
                case '$':
                    _pos++;
                    Atom(_cur.M ? "(?m:$)" : @"\z");
                    break;
                case '.':
                    _pos++;
                    Atom(_cur.S
                        ? @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\uD800-\uDFFF])"
                        : @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n\uD800-\uDFFF])");
                    break;
                case '[':
                    _pos++;
                    ParseClass();
                    break;
                case '\\':
                    _pos++;
                    ParseEscape();
                    break;
                default:
                    Literal(ReadCodePoint());
                    break;
            }
        }
        if (_scopes.Count > 0) throw Error("missing closing )");
    }

    private static Re2SyntaxException Error(string message) => new(message);

    private int ReadCodePoint()
    {
        if (CodePoints.IsPairAt(_p, _pos))
        {
            var cp = char.ConvertToUtf32(_p[_pos], _p[_pos + 1]);
            _pos += 2;
            return cp;
        }
        return _p[_pos++];
    }

    private void Atom(string text, long weight = 1)
    {
        _out.Append(text);
        _canRepeat = true;
        _lastWeight = weight;
    }

    private void Literal(int cp)
    {
        if (cp > 0xFFFF)
        {
            Atom("(?:" + char.ConvertFromUtf32(cp) + ")");
        }
        else if (cp < 0x80 && !char.IsAsciiLetterOrDigit((char)cp))
        {
            Atom(cp < 0x20 || cp == 0x7F ? @"\u" + cp.ToString("X4", CultureInfo.InvariantCulture) : "\\" + (char)cp);
        }
        else if (char.IsSurrogate((char)cp) || char.IsControl((char)cp))
        {
            Atom(@"\u" + cp.ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            Atom(((char)cp).ToString());
        }
    }

    private void Repeat(string op, int min, int max)
    {
        if (!_canRepeat) throw Error($"missing argument to repetition operator: `{op}`");
        if (min > MaxRepeat || max > MaxRepeat) throw Error($"invalid repeat count: `{op}`");
        if (max >= 0 && max < min) throw Error($"invalid repeat count: `{op}`");
        var lazy = _pos < _p.Length && _p[_pos] == '?';
        if (lazy) _pos++;
        if (_pos < _p.Length && (_p[_pos] is '*' or '+' or '?' || (_p[_pos] == '{' && TryParseCount(_pos, out _, out _, out _))))
            throw Error($"invalid nested repetition operator: `{op}{(lazy ? "?" : "")}{_p[_pos]}`");
        if (_cur.U) lazy = !lazy;
        _out.Append(op);
        if (lazy) _out.Append('?');
        var weight = _lastWeight * Math.Max(1, max >= 0 ? max : min);
        if (weight > MaxWeight) throw Error("expression too large");
        _cur.Weight = Math.Max(_cur.Weight, weight);
        _canRepeat = false;
    }

    /// <summary>Parses <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at <paramref name="at"/>; anything else is a literal brace in RE2.</summary>
    private bool TryParseCount(int at, out int min, out int max, out int end)
    {
        min = max = -1;
        end = at;
        var i = at + 1;
        if (!ReadNumber(ref i, out min)) return false;
        if (i < _p.Length && _p[i] == '}')
        {
            max = min;
        }
        else if (i < _p.Length && _p[i] == ',')
        {
            i++;
            if (i < _p.Length && _p[i] == '}') max = -1;
            else if (!ReadNumber(ref i, out max) || i >= _p.Length || _p[i] != '}') return false;
        }
        else
        {
            return false;
        }
        end = i + 1;
        return true;
    }

    private bool ReadNumber(ref int i, out int value)
    {
        var start = i;
        value = 0;
        while (i < _p.Length && char.IsAsciiDigit(_p[i]))
        {
            value = Math.Min(value * 10 + (_p[i] - '0'), 100_000);
            i++;
        }
        return i > start;
    }

    private void OpenGroup()
    {
        _pos++;
        if (_pos >= _p.Length || _p[_pos] != '?')
        {
            Push("(");
            return;
        }
        var rest = _p.AsSpan(_pos);
        if (rest.StartsWith("?P<") || (rest.StartsWith("?<") && !rest.StartsWith("?<=") && !rest.StartsWith("?<!")))
        {
            _pos += rest[1] == 'P' ? 3 : 2;
            var close = _p.IndexOf('>', _pos);
            if (close < 0) throw Error("invalid named capture: missing >");
            var name = _p[_pos..close];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                throw Error($"invalid named capture: `{name}`");
            _pos = close + 1;
            Push("(?<" + name + ">");
            return;
        }
        if (rest.StartsWith("?P=") || rest.StartsWith("?P>") || rest.StartsWith("?&")) throw Error("backreferences and subroutine calls are not supported");
        if (rest.StartsWith("?=") || rest.StartsWith("?!")) throw Error("lookahead assertions are not supported");
        if (rest.StartsWith("?<=") || rest.StartsWith("?<!")) throw Error("lookbehind assertions are not supported");
        if (rest.StartsWith("?>")) throw Error("atomic groups are not supported");
        if (rest.StartsWith("?#")) throw Error("comments are not supported");
        if (rest.StartsWith("?(")) throw Error("conditionals are not supported");
        ParseFlags();
    }

    private void ParseFlags()
    {
        _pos++; // '?'
        var flags = _cur;
        var negate = false;
        var sawFlag = false;
        while (_pos < _p.Length)
        {
            var c = _p[_pos++];
            switch (c)
            {
                case 'i': flags.I = !negate; sawFlag = true; break;
                case 'm': flags.M = !negate; sawFlag = true; break;
                case 's': flags.S = !negate; sawFlag = true; break;
                case 'U': flags.U = !negate; sawFlag = true; break;
                case '-':
                    if (negate) throw Error("invalid or unsupported Perl syntax: `(?-`");
                    negate = true;
                    sawFlag = false;
                    break;
                case ':':
                case ')':
                    if (negate && !sawFlag) throw Error("invalid or unsupported Perl syntax: missing flag after `-`");
                    var iChange = flags.I == _cur.I ? "" : flags.I ? "i" : "-i";
                    if (c == ')')
                    {
                        if (!sawFlag && !negate) throw Error("missing argument to flags: `(?)`");
                        if (iChange.Length > 0) _out.Append("(?").Append(iChange).Append(')');
                        flags.Weight = _cur.Weight;
                        _cur = flags;
                        _canRepeat = false;
                    }
                    else
                    {
                        Push("(?" + iChange + ":");
                        flags.Weight = 1;
                        _cur = flags;
                    }
                    return;
                default:
                    throw Error($"invalid or unsupported Perl syntax: `(?{c}`");
            }
        }
        throw Error("missing closing )");
    }

    private void Push(string text)
    {
        _out.Append(text);
        _scopes.Push(_cur);
        _cur.Weight = 1;
        _canRepeat = false;
    }

    private void CloseGroup()
    {
        _pos++;
        if (_scopes.Count == 0) throw Error("unexpected )");
        var inner = _cur.Weight;
        _cur = _scopes.Pop();
        _cur.Weight = Math.Max(_cur.Weight, inner);
        Atom(")", inner);
    }

    private void ParseEscape()
    {
        if (_pos >= _p.Length) throw Error("trailing backslash at end of expression");
        var c = _p[_pos];
        switch (c)
        {
            case 'A': _pos++; Atom(@"\A"); return;
            case 'z': _pos++; Atom(@"\z"); return;
            case 'b': _pos++; Atom(@"\b"); return;
            case 'B': _pos++; Atom(@"\B"); return;
            case 'Q':
                _pos++;
                var end = _p.IndexOf(@"\E", _pos, StringComparison.Ordinal);
                var literal = end < 0 ? _p[_pos..] : _p[_pos..end];
                _pos = end < 0 ? _p.Length : end + 2;
                for (var i = 0; i < literal.Length;)
                {
                    var cp = char.ConvertToUtf32(literal, i);
                    i += cp > 0xFFFF ? 2 : 1;
                    Literal(cp);
                }
                return;
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'p' or 'P':
                var cls = new Re2CharClass();
                ParseClassEscape(cls, inBrackets: false, out var negatedToken);
                Atom(cls.ToPattern(negatedToken));
                return;
            default:
                Literal(ParseCharEscape());
                return;
        }
    }

    /// <summary>Parses an escape that stands for one character (after the backslash) and returns its code point.</summary>
    private int ParseCharEscape()
    {
        if (_pos >= _p.Length) throw Error("trailing backslash at end of expression");
        var c = _p[_pos++];
        switch (c)
        {
            case 'a': return 7;
            case 'f': return '\f';
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'v': return '\v';
            case 'x': return ParseHex();
            case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                // A lone non-zero digit is a backreference in Perl; RE2 only takes it as octal when more digits follow.
                if (c != '0' && (_pos >= _p.Length || _p[_pos] is < '0' or > '7'))
                    throw Error($"backreferences are not supported: `\\{c}`");
                var value = c - '0';
                for (var n = 0; n < 2 && _pos < _p.Length && _p[_pos] is >= '0' and <= '7'; n++) value = value * 8 + (_p[_pos++] - '0');
                return value;
            case '8' or '9':
                throw Error($"backreferences are not supported: `\\{c}`");
            case 'C':
                throw Error(@"invalid escape sequence: `\C` (single bytes are not supported)");
            default:
                if (c < 0x80 && !char.IsAsciiLetterOrDigit(c)) return c;
                throw Error($"invalid escape sequence: `\\{c}`");
        }
    }

    private int ParseHex()
    {
        if (_pos < _p.Length && _p[_pos] == '{')
        {
            var close = _p.IndexOf('}', _pos);
            if (close < 0) throw Error("invalid escape sequence: `\\x{`");
            var digits = _p[(_pos + 1)..close];
            _pos = close + 1;
            if (digits.Length is 0 or > 8 || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) || v > 0x10FFFF)
                throw Error($"invalid escape sequence: `\\x{{{digits}}}`");
            return v;
        }
        if (_pos + 2 > _p.Length || !int.TryParse(_p.AsSpan(_pos, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            throw Error(@"invalid escape sequence: `\x`");
        _pos += 2;
        return b;
    }

    /// <summary>Parses <c>\d \D \w \W \s \S \p… \P…</c> (at the letter) into <paramref name="cls"/>. Outside brackets,
    /// <paramref name="negateWhole"/> asks the caller to negate the whole class (for multi-block \P{Script}).</summary>
    private void ParseClassEscape(Re2CharClass cls, bool inBrackets, out bool negateWhole)
    {
        negateWhole = false;
        var c = _p[_pos++];
        switch (c)
        {
            case 'd': cls.AddAll(Re2ClassNames.Digit, false); return;
            case 'D': cls.AddAll(Re2ClassNames.Digit, true); return;
            case 'w': cls.AddAll(Re2ClassNames.Word, false); return;
            case 'W': cls.AddAll(Re2ClassNames.Word, true); return;
            case 's': cls.AddAll(Re2ClassNames.Space, false); return;
            case 'S': cls.AddAll(Re2ClassNames.Space, true); return;
        }
        var negated = c == 'P';
        string name;
        if (_pos < _p.Length && _p[_pos] == '{')
        {
            var close = _p.IndexOf('}', _pos);
            if (close < 0) throw Error("invalid character class range: missing }");
            name = _p[(_pos + 1)..close];
            _pos = close + 1;
        }
        else if (_pos < _p.Length)
        {
            name = _p[_pos++].ToString();
        }
        else
        {
            throw Error($"invalid character class range: `\\{c}`");
        }
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }
        if (name == "Any")
        {
            cls.AddAll([(0, 0x10FFFF)], negated);
        }
        else if (name == "Latin")
        {
            cls.AddAll(Re2ClassNames.Latin, negated);
        }
        else if (Re2ClassNames.Categories.Contains(name))
        {
            cls.AddToken((negated ? @"\P{" : @"\p{") + name + "}");
        }
        else if (Re2ClassNames.Scripts.TryGetValue(name, out var blocks))
        {
            if (negated && blocks.Length > 1)
            {
                if (inBrackets) throw Error($"unsupported negated Unicode class inside brackets: `\\P{{{name}}}`");
                negateWhole = true;
                negated = false;
            }
            foreach (var block in blocks) cls.AddToken((negated ? @"\P{" : @"\p{") + block + "}");
        }
        else
        {
            throw Error($"invalid or unsupported Unicode class name: `{name}`");
        }
    }

    private void ParseClass()
    {
        var cls = new Re2CharClass();
        var negated = _pos < _p.Length && _p[_pos] == '^';
        if (negated) _pos++;
        var first = true;
        while (true)
        {
            if (_pos >= _p.Length) throw Error("missing closing ]");
            var c = _p[_pos];
            if (c == ']' && !first)
            {
                _pos++;
                break;
            }
            first = false;
            if (c == '[' && _pos + 1 < _p.Length && _p[_pos + 1] == ':')
            {
                var close = _p.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    var name = _p[(_pos + 2)..close];
                    var neg = name.StartsWith('^');
                    if (neg) name = name[1..];
                    if (!Re2ClassNames.Posix.TryGetValue(name, out var ranges)) throw Error($"invalid character class range: `[:{name}:]`");
                    cls.AddAll(ranges, neg);
                    _pos = close + 2;
                    continue;
                }
            }
            if (c == '\\' && _pos + 1 < _p.Length && _p[_pos + 1] is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'p' or 'P')
            {
                _pos++;
                ParseClassEscape(cls, inBrackets: true, out _);
                continue;
            }
            var lo = ReadClassChar();
            if (_pos + 1 < _p.Length && _p[_pos] == '-' && _p[_pos + 1] != ']')
            {
                _pos++;
                var hi = ReadClassChar();
                if (hi < lo) throw Error("invalid character class range");
                cls.Add(lo, hi);
            }
            else
            {
                cls.Add(lo, lo);
            }
        }
        Atom(cls.ToPattern(negated));
    }

    private int ReadClassChar()
    {
        if (_p[_pos] != '\\') return ReadCodePoint();
        _pos++;
        return ParseCharEscape();
    }
}
