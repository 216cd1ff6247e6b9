namespace Portcullis.Cel.Values;

/// <summary>Compares map keys the CEL way: strings ordinally, numbers by value across int, uint and double.</summary>
public sealed class CelValueKeyComparer : IEqualityComparer<CelValue>, IAlternateEqualityComparer<string, CelValue>
{
    /// <summary>Gets the single instance.</summary>
    public static CelValueKeyComparer Instance { get; } = new();

    private CelValueKeyComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals(CelValue x, CelValue y) => CelOperators.EqualsValue(x, y);

    /// <inheritdoc />
    public int GetHashCode(CelValue obj) => obj.Kind switch
    {
        CelValueKind.String => string.GetHashCode(obj.AsString, StringComparison.Ordinal),
        CelValueKind.Int => obj.AsInt.GetHashCode(),
        CelValueKind.Uint => obj.AsUint <= long.MaxValue ? ((long)obj.AsUint).GetHashCode() : obj.AsUint.GetHashCode(),
        CelValueKind.Double => HashDouble(obj.AsDouble),
        CelValueKind.Bool => obj.AsBool ? 1 : 0,
        CelValueKind.Null => 0,
        _ => (int)obj.Kind,
    };

    private static int HashDouble(double d)
    {
        if (d == Math.Floor(d) && d >= long.MinValue && d < 9.2233720368547758e18) return ((long)d).GetHashCode();
        if (d == Math.Floor(d) && d >= 0 && d < 1.8446744073709552e19) return ((ulong)d).GetHashCode();
        return d.GetHashCode();
    }

    /// <inheritdoc />
    public bool Equals(string alternate, CelValue other) => other.Kind == CelValueKind.String && string.Equals(alternate, other.AsString, StringComparison.Ordinal);

    /// <inheritdoc />
    public int GetHashCode(string alternate) => string.GetHashCode(alternate, StringComparison.Ordinal);

    /// <inheritdoc />
    public CelValue Create(string alternate) => CelValue.String(alternate);
}
