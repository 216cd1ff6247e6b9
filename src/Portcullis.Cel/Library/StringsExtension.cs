using System.Text;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// The strings extension (cel-go <c>ext/strings</c>, latest version): <c>charAt</c>, <c>indexOf</c>, <c>lastIndexOf</c>,
/// <c>lowerAscii</c>, <c>upperAscii</c>, <c>replace</c>, <c>split</c>, <c>substring</c>, <c>trim</c>, <c>reverse</c>,
/// <c>format</c>, list <c>join</c> and <c>strings.quote</c>. Indexes count Unicode code points.
/// </summary>
public static class StringsExtension
{
    /// <summary>Adds the functions to <paramref name="registry"/>.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        registry.Add("charAt", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.String, CelValueKind.Int) ? CharAt(args[0].AsString, args[1].AsInt) : NoOverload("charAt", args));
        registry.Add("indexOf", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.String, CelValueKind.String) ? IndexOf(args[0].AsString, args[1].AsString, 0) : NoOverload("indexOf", args));
        registry.Add("indexOf", CelCallStyle.Member, 3, static args => Is(args, CelValueKind.String, CelValueKind.String, CelValueKind.Int) ? IndexOf(args[0].AsString, args[1].AsString, args[2].AsInt) : NoOverload("indexOf", args));
        registry.Add("lastIndexOf", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.String, CelValueKind.String) ? LastIndexOf(args[0].AsString, args[1].AsString, null) : NoOverload("lastIndexOf", args));
        registry.Add("lastIndexOf", CelCallStyle.Member, 3, static args => Is(args, CelValueKind.String, CelValueKind.String, CelValueKind.Int) ? LastIndexOf(args[0].AsString, args[1].AsString, args[2].AsInt) : NoOverload("lastIndexOf", args));
        registry.Add("lowerAscii", CelCallStyle.Member, 1, static args => Is(args, CelValueKind.String) ? CelValue.String(MapAscii(args[0].AsString, upper: false)) : NoOverload("lowerAscii", args));
        registry.Add("upperAscii", CelCallStyle.Member, 1, static args => Is(args, CelValueKind.String) ? CelValue.String(MapAscii(args[0].AsString, upper: true)) : NoOverload("upperAscii", args));
        var maxSize = options.MaxValueSize;
        registry.Add("replace", CelCallStyle.Member, 3, args => Is(args, CelValueKind.String, CelValueKind.String, CelValueKind.String) ? BoundedReplace(args[0].AsString, args[1].AsString, args[2].AsString, -1, maxSize) : NoOverload("replace", args));
        registry.Add("replace", CelCallStyle.Member, 4, args => Is(args, CelValueKind.String, CelValueKind.String, CelValueKind.String, CelValueKind.Int) ? BoundedReplace(args[0].AsString, args[1].AsString, args[2].AsString, args[3].AsInt, maxSize) : NoOverload("replace", args));
        registry.Add("split", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.String, CelValueKind.String) ? Split(args[0].AsString, args[1].AsString, -1) : NoOverload("split", args));
        registry.Add("split", CelCallStyle.Member, 3, static args => Is(args, CelValueKind.String, CelValueKind.String, CelValueKind.Int) ? Split(args[0].AsString, args[1].AsString, args[2].AsInt) : NoOverload("split", args));
        registry.Add("substring", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.String, CelValueKind.Int) ? Substring(args[0].AsString, args[1].AsInt, null) : NoOverload("substring", args));
        registry.Add("substring", CelCallStyle.Member, 3, static args => Is(args, CelValueKind.String, CelValueKind.Int, CelValueKind.Int) ? Substring(args[0].AsString, args[1].AsInt, args[2].AsInt) : NoOverload("substring", args));
        registry.Add("trim", CelCallStyle.Member, 1, static args => Is(args, CelValueKind.String) ? CelValue.String(args[0].AsString.Trim()) : NoOverload("trim", args));
        registry.Add("reverse", CelCallStyle.Member, 1, static args => Is(args, CelValueKind.String) ? CelValue.String(CodePoints.Reverse(args[0].AsString)) : NoOverload("reverse", args));
        registry.Add("join", CelCallStyle.Member, 1, static args => Is(args, CelValueKind.List) ? Join(args[0].AsList, "") : NoOverload("join", args));
        registry.Add("join", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.List, CelValueKind.String) ? Join(args[0].AsList, args[1].AsString) : NoOverload("join", args));
        registry.Add("strings.quote", CelCallStyle.Global, 1, static args => Is(args, CelValueKind.String) ? CelValue.String(Quote(args[0].AsString)) : NoOverload("strings.quote", args));
        registry.Add("format", CelCallStyle.Member, 2, static args => Is(args, CelValueKind.String, CelValueKind.List) ? StringFormatter.Format(args[0].AsString, args[1].AsList) : NoOverload("format", args));
    }

    private static CelValue NoOverload(string name, ReadOnlySpan<CelValue> args) => CelFunctionRegistry.NoOverload(name, args);

    private static bool Is(ReadOnlySpan<CelValue> args, params ReadOnlySpan<CelValueKind> kinds)
    {
        if (args.Length != kinds.Length) return false;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (args[i].Kind != kinds[i]) return false;
        }
        return true;
    }

    private static CelValue OutOfRange(long index) => CelValue.Error($"index out of range: {index}");

    /// <summary>Returns the code point at <paramref name="index"/>; the length itself gives "".</summary>
    internal static CelValue CharAt(string s, long index)
    {
        var offset = CodePoints.CharOffset(s, index);
        if (offset < 0) return OutOfRange(index);
        if (offset == s.Length) return CelValue.EmptyString;
        return CelValue.String(s.Substring(offset, CodePoints.WidthAt(s, offset)));
    }

    /// <summary>Returns the code point index of the first <paramref name="sub"/> at or after <paramref name="start"/>, or -1.</summary>
    internal static CelValue IndexOf(string s, string sub, long start)
    {
        if (sub.Length == 0) return CelValue.Int(start);
        var offset = CodePoints.CharOffset(s, start);
        if (offset < 0 || offset >= s.Length) return OutOfRange(start);
        var found = s.IndexOf(sub, offset, StringComparison.Ordinal);
        if (found < 0) return CelValue.Int(-1);
        return CelValue.Int(CodePoints.HasSurrogates(s) ? CodePoints.CodePointIndex(s, found) : found);
    }

    /// <summary>Returns the code point index of the last <paramref name="sub"/> starting at or before <paramref name="start"/> (default: anywhere), or -1.</summary>
    internal static CelValue LastIndexOf(string s, string sub, long? start)
    {
        if (start is null)
        {
            if (sub.Length == 0) return CelValue.Int(CodePoints.Count(s));
            if (s.Length == 0) return CelValue.Int(-1);
        }
        else if (sub.Length == 0)
        {
            return CelValue.Int(start.Value);
        }
        var offset = start is null ? s.Length - 1 : CodePoints.CharOffset(s, start.Value);
        if (offset < 0 || offset >= s.Length) return OutOfRange(start ?? -1);
        var searchFrom = Math.Min((long)offset + sub.Length - 1, s.Length - 1);
        var found = s.LastIndexOf(sub, (int)searchFrom, StringComparison.Ordinal);
        if (found < 0) return CelValue.Int(-1);
        return CelValue.Int(CodePoints.HasSurrogates(s) ? CodePoints.CodePointIndex(s, found) : found);
    }

    private static string MapAscii(string s, bool upper)
    {
        var span = s.AsSpan();
        var first = upper ? span.IndexOfAnyInRange('a', 'z') : span.IndexOfAnyInRange('A', 'Z');
        if (first < 0) return s;
        return string.Create(s.Length, (s, upper), static (dest, state) =>
        {
            for (var i = 0; i < dest.Length; i++)
            {
                var c = state.s[i];
                dest[i] = state.upper ? (char.IsAsciiLetterLower(c) ? (char)(c - 32) : c) : (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
            }
        });
    }

    /// <summary>Refuses a replacement whose result could exceed <paramref name="maxSize"/> before building it:
    /// <c>s.replace('', s)</c> grows quadratically.</summary>
    private static CelValue BoundedReplace(string s, string old, string replacement, long limit, int maxSize)
    {
        var growth = (long)Math.Max(0, replacement.Length - old.Length);
        var matches = old.Length == 0 ? s.Length + 1L : s.Length / old.Length;
        if (limit >= 0) matches = Math.Min(matches, limit);
        return s.Length + matches * growth > maxSize
            ? CelValue.Error($"replace result would exceed the size limit of {maxSize:N0}")
            : Replace(s, old, replacement, limit);
    }

    /// <summary>Replaces the first <paramref name="limit"/> occurrences (all when negative), as Go's <c>strings.Replace</c>.</summary>
    internal static CelValue Replace(string s, string old, string replacement, long limit)
    {
        if (limit == 0) return CelValue.String(s);
        if (limit < 0 && old.Length > 0) return CelValue.String(s.Replace(old, replacement, StringComparison.Ordinal));
        var sb = new StringBuilder(s.Length);
        var count = 0L;
        var i = 0;
        if (old.Length == 0)
        {
            // An empty pattern matches before each code point and at the end.
            while (limit < 0 || count < limit)
            {
                sb.Append(replacement);
                count++;
                if (i >= s.Length) break;
                var w = CodePoints.WidthAt(s, i);
                sb.Append(s, i, w);
                i += w;
            }
            sb.Append(s, i, s.Length - i);
            return CelValue.String(sb.ToString());
        }
        while (count < limit)
        {
            var found = s.IndexOf(old, i, StringComparison.Ordinal);
            if (found < 0) break;
            sb.Append(s, i, found - i).Append(replacement);
            i = found + old.Length;
            count++;
        }
        sb.Append(s, i, s.Length - i);
        return CelValue.String(sb.ToString());
    }

    /// <summary>Splits around <paramref name="separator"/> into at most <paramref name="limit"/> parts (all when negative, none when 0), as Go's <c>strings.SplitN</c>.</summary>
    internal static CelValue Split(string s, string separator, long limit)
    {
        if (limit == 0) return CelValue.List(CelList.Empty);
        var parts = new List<CelValue>();
        var i = 0;
        if (separator.Length == 0)
        {
            while (i < s.Length && (limit < 0 || parts.Count < limit - 1))
            {
                var w = CodePoints.WidthAt(s, i);
                parts.Add(CelValue.String(s.Substring(i, w)));
                i += w;
            }
            if (i < s.Length) parts.Add(CelValue.String(s[i..]));
            return CelValue.List(CelList.Of([.. parts]));
        }
        while (limit < 0 || parts.Count < limit - 1)
        {
            var found = s.IndexOf(separator, i, StringComparison.Ordinal);
            if (found < 0) break;
            parts.Add(CelValue.String(s[i..found]));
            i = found + separator.Length;
        }
        parts.Add(CelValue.String(s[i..]));
        return CelValue.List(CelList.Of([.. parts]));
    }

    /// <summary>Returns the code points from <paramref name="start"/> to <paramref name="end"/> (default: the end).</summary>
    internal static CelValue Substring(string s, long start, long? end)
    {
        if (end is { } e && start > e) return CelValue.Error($"invalid substring range. start: {start}, end: {e}");
        var from = CodePoints.CharOffset(s, start);
        if (from < 0) return OutOfRange(start);
        if (end is null) return CelValue.String(s[from..]);
        var to = CodePoints.CharOffset(s, end.Value);
        if (to < 0) return OutOfRange(end.Value);
        return CelValue.String(s[from..to]);
    }

    private static CelValue Join(CelList list, string separator)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (item.Kind != CelValueKind.String) return CelValue.Error($"join: list contains a {item.TypeName}, expected only strings");
            if (i > 0) sb.Append(separator);
            sb.Append(item.AsString);
        }
        return CelValue.String(sb.ToString());
    }

    /// <summary>Quotes <paramref name="s"/> as a CEL string literal, escaping control characters, backslashes and double quotes.</summary>
    internal static string Quote(string s)
    {
        s = CodePoints.Sanitize(s);
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '\a': sb.Append(@"\a"); break;
                case '\b': sb.Append(@"\b"); break;
                case '\f': sb.Append(@"\f"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\v': sb.Append(@"\v"); break;
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
