namespace Portcullis.Cel.Values;

/// <summary>The outcome of comparing two CEL values.</summary>
public enum CelOrdering : byte
{
    /// <summary>The values are ordered and the comparison result is valid.</summary>
    Ordered,
    /// <summary>The values have comparable types but no order (a NaN is involved); every relation is false.</summary>
    Unordered,
    /// <summary>The types have no ordering between them: the relation is an error.</summary>
    NoOverload,
}
