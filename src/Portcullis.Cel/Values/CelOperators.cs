using System.Runtime.CompilerServices;

namespace Portcullis.Cel.Values;

/// <summary>CEL's equality and ordering, including heterogeneous numeric comparison.</summary>
public static class CelOperators
{
    /// <summary>Returns whether <paramref name="a"/> equals <paramref name="b"/> under CEL's heterogeneous equality:
    /// numbers compare by value across int, uint and double; values of other different types are unequal; NaN
    /// equals nothing; lists and maps compare element by element.</summary>
    public static bool EqualsValue(in CelValue a, in CelValue b)
    {
        if (a.Kind != b.Kind) return IsNumber(a.Kind) && IsNumber(b.Kind) && CompareNumbers(a, b) == 0;
        switch (a.Kind)
        {
            case CelValueKind.Null: return true;
            case CelValueKind.Bool:
            case CelValueKind.Int:
            case CelValueKind.Uint:
            case CelValueKind.Duration: return a.AsInt == b.AsInt;
            case CelValueKind.Double: return a.AsDouble == b.AsDouble;
            case CelValueKind.String: return string.Equals(a.AsString, b.AsString, StringComparison.Ordinal);
            case CelValueKind.Bytes: return a.AsBytes.AsSpan().SequenceEqual(b.AsBytes);
            case CelValueKind.Timestamp: return a.TimestampSeconds == b.TimestampSeconds && a.TimestampNanos == b.TimestampNanos;
            case CelValueKind.Type: return a.AsType.Equals(b.AsType);
            case CelValueKind.List: return ListsEqual(a.AsList, b.AsList);
            case CelValueKind.Map: return MapsEqual(a.AsMap, b.AsMap);
            case CelValueKind.Optional:
                var (x, y) = (a.AsOptional, b.AsOptional);
                return x.HasValue == y.HasValue && (!x.HasValue || EqualsValue(x.Value, y.Value));
            default: return false;
        }
    }

    private static bool ListsEqual(CelList a, CelList b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!EqualsValue(a[i], b[i])) return false;
        }
        return true;
    }

    private static bool MapsEqual(CelMap a, CelMap b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !EqualsValue(value, other)) return false;
        }
        return true;
    }

    /// <summary>Compares two values for the relational operators.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="result">Negative, zero or positive when <see cref="CelOrdering.Ordered"/> is returned.</param>
    public static CelOrdering Compare(in CelValue a, in CelValue b, out int result)
    {
        result = 0;
        if (a.Kind != b.Kind)
        {
            if (!IsNumber(a.Kind) || !IsNumber(b.Kind)) return CelOrdering.NoOverload;
            var c = CompareNumbers(a, b);
            if (c == Unordered) return CelOrdering.Unordered;
            result = c;
            return CelOrdering.Ordered;
        }
        switch (a.Kind)
        {
            case CelValueKind.Bool:
            case CelValueKind.Int:
            case CelValueKind.Duration:
                result = a.AsInt.CompareTo(b.AsInt);
                return CelOrdering.Ordered;
            case CelValueKind.Uint:
                result = a.AsUint.CompareTo(b.AsUint);
                return CelOrdering.Ordered;
            case CelValueKind.Double:
                if (double.IsNaN(a.AsDouble) || double.IsNaN(b.AsDouble)) return CelOrdering.Unordered;
                result = a.AsDouble.CompareTo(b.AsDouble);
                return CelOrdering.Ordered;
            case CelValueKind.String:
                result = CompareCodePoints(a.AsString, b.AsString);
                return CelOrdering.Ordered;
            case CelValueKind.Bytes:
                result = a.AsBytes.AsSpan().SequenceCompareTo(b.AsBytes);
                return CelOrdering.Ordered;
            case CelValueKind.Timestamp:
                result = a.TimestampSeconds != b.TimestampSeconds
                    ? a.TimestampSeconds.CompareTo(b.TimestampSeconds)
                    : a.TimestampNanos.CompareTo(b.TimestampNanos);
                return CelOrdering.Ordered;
            default:
                return CelOrdering.NoOverload;
        }
    }

    /// <summary>Compares strings by Unicode code point, which differs from UTF-16 order above U+FFFF.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            // Surrogates (D800–DFFF) encode code points above every BMP character, so they sort after E000–FFFF.
            if (char.IsSurrogate(x) != char.IsSurrogate(y)) return char.IsSurrogate(x) ? 1 : -1;
            return x < y ? -1 : 1;
        }
        return a.Length.CompareTo(b.Length);
    }

    private const int Unordered = int.MinValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNumber(CelValueKind kind) => kind is CelValueKind.Int or CelValueKind.Uint or CelValueKind.Double;

    /// <summary>Compares numbers of any numeric kinds exactly; returns <see cref="Unordered"/> for NaN.</summary>
    private static int CompareNumbers(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int): return a.AsInt.CompareTo(b.AsInt);
            case (CelValueKind.Uint, CelValueKind.Uint): return a.AsUint.CompareTo(b.AsUint);
            case (CelValueKind.Int, CelValueKind.Uint): return a.AsInt < 0 ? -1 : ((ulong)a.AsInt).CompareTo(b.AsUint);
            case (CelValueKind.Uint, CelValueKind.Int): return b.AsInt < 0 ? 1 : a.AsUint.CompareTo((ulong)b.AsInt);
            case (CelValueKind.Double, CelValueKind.Double):
                return double.IsNaN(a.AsDouble) || double.IsNaN(b.AsDouble) ? Unordered : a.AsDouble.CompareTo(b.AsDouble);
            case (CelValueKind.Double, _): return -CompareIntegerToDouble(b, a.AsDouble);
            default: return CompareIntegerToDouble(a, b.AsDouble);
        }
    }

    /// <summary>Compares an int or uint with a double the way the reference implementation does: outside the
    /// integer type's range the double wins outright, inside it the integer is converted to double (so
    /// 9223372036854775807 equals 9223372036854775808.0, as the conformance suite expects).</summary>
    private static int CompareIntegerToDouble(in CelValue integer, double d)
    {
        if (double.IsNaN(d)) return Unordered;
        if (integer.Kind == CelValueKind.Int)
        {
            if (d < -9.2233720368547758e18) return 1;
            if (d > 9.2233720368547758e18) return -1;
            return ((double)integer.AsInt).CompareTo(d);
        }
        if (d < 0) return 1;
        if (d > 1.8446744073709552e19) return -1;
        return ((double)integer.AsUint).CompareTo(d);
    }
}
