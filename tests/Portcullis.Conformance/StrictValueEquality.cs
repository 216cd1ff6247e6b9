using Portcullis.Cel.Values;

namespace Portcullis.Conformance;

/// <summary>Equality for checking results: unlike CEL's <c>==</c>, kinds must match (int 1 is not uint 1 or
/// double 1.0), doubles compare bitwise (or both NaN), and lists and maps compare recursively the same way.</summary>
internal static class StrictValueEquality
{
    /// <summary>Returns whether <paramref name="expected"/> and <paramref name="actual"/> are the same value of the same kind.</summary>
    public static bool Equal(CelValue expected, CelValue actual)
    {
        if (expected.Kind != actual.Kind) return false;
        switch (expected.Kind)
        {
            case CelValueKind.Null:
                return true;
            case CelValueKind.Bool:
                return expected.AsBool == actual.AsBool;
            case CelValueKind.Int:
            case CelValueKind.Uint:
                return expected.AsInt == actual.AsInt;
            case CelValueKind.Double:
                var (a, b) = (expected.AsDouble, actual.AsDouble);
                return (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
            case CelValueKind.String:
                return string.Equals(expected.AsString, actual.AsString, StringComparison.Ordinal);
            case CelValueKind.Bytes:
                return expected.AsBytes.AsSpan().SequenceEqual(actual.AsBytes);
            case CelValueKind.Timestamp:
                return expected.TimestampSeconds == actual.TimestampSeconds && expected.TimestampNanos == actual.TimestampNanos;
            case CelValueKind.Duration:
                return expected.DurationNanos == actual.DurationNanos;
            case CelValueKind.Type:
                return string.Equals(expected.AsType.Name, actual.AsType.Name, StringComparison.Ordinal);
            case CelValueKind.List:
                var (x, y) = (expected.AsList, actual.AsList);
                if (x.Count != y.Count) return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equal(x[i], y[i])) return false;
                }
                return true;
            case CelValueKind.Map:
                return MapsEqual(expected.AsMap, actual.AsMap);
            case CelValueKind.Optional:
                var (o, p) = (expected.AsOptional, actual.AsOptional);
                return o.HasValue == p.HasValue && (!o.HasValue || Equal(o.Value, p.Value));
            default:
                return false;
        }
    }

    private static bool MapsEqual(CelMap expected, CelMap actual)
    {
        if (expected.Count != actual.Count) return false;
        foreach (var (key, value) in expected)
        {
            // Look the key up by strict equality: CEL map lookup would let int 1 find a uint 1 key.
            var found = false;
            foreach (var (otherKey, otherValue) in actual)
            {
                if (!Equal(key, otherKey)) continue;
                if (!Equal(value, otherValue)) return false;
                found = true;
                break;
            }
            if (!found) return false;
        }
        return true;
    }
}
