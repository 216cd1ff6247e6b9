namespace Portcullis.Conformance.Differential;

/// <summary>A static type in the generator: a scalar, a list of an element type, or a map from string to a value type.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Element">The list element or map value type.</param>
internal sealed record GenType(GenKind Kind, GenType? Element = null)
{
    public static readonly GenType Int = new(GenKind.Int);
    public static readonly GenType Uint = new(GenKind.Uint);
    public static readonly GenType Double = new(GenKind.Double);
    public static readonly GenType String = new(GenKind.String);
    public static readonly GenType Bool = new(GenKind.Bool);
    public static readonly GenType Bytes = new(GenKind.Bytes);

    /// <summary>Gets the scalar types.</summary>
    public static IReadOnlyList<GenType> Scalars { get; } = [Int, Uint, Double, String, Bool, Bytes];

    /// <summary>Gets a value indicating whether this is int, uint or double.</summary>
    public bool IsNumber => Kind is GenKind.Int or GenKind.Uint or GenKind.Double;

    /// <summary>Returns <c>list(element)</c>.</summary>
    public static GenType ListOf(GenType element) => new(GenKind.List, element);

    /// <summary>Returns <c>map(string, value)</c>.</summary>
    public static GenType MapOf(GenType value) => new(GenKind.Map, value);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        GenKind.List => $"list({Element})",
        GenKind.Map => $"map(string, {Element})",
        _ => Kind.ToString().ToUpperInvariant(),
    };
}
