namespace Portcullis.Cel.Values;

/// <summary>A CEL type value, as returned by <c>type(x)</c> and named by identifiers such as <c>int</c>.</summary>
public sealed class CelType : IEquatable<CelType>
{
    private CelType(string name) => Name = name;

    /// <summary>Gets the type's CEL name, e.g. <c>int</c> or <c>google.protobuf.Timestamp</c>.</summary>
    public string Name { get; }

    public static readonly CelType Null = new("null_type");
    public static readonly CelType Bool = new("bool");
    public static readonly CelType Int = new("int");
    public static readonly CelType Uint = new("uint");
    public static readonly CelType Double = new("double");
    public static readonly CelType String = new("string");
    public static readonly CelType Bytes = new("bytes");
    public static readonly CelType List = new("list");
    public static readonly CelType Map = new("map");
    public static readonly CelType Timestamp = new("google.protobuf.Timestamp");
    public static readonly CelType Duration = new("google.protobuf.Duration");
    public static readonly CelType Type = new("type");
    public static readonly CelType Optional = new("optional_type");
    public static readonly CelType Error = new("error");
    public static readonly CelType Dyn = new("dyn");

    /// <summary>Gets the built-in types by the identifier that names them in expressions.</summary>
    public static IReadOnlyDictionary<string, CelType> ByIdentifier { get; } = new Dictionary<string, CelType>(StringComparer.Ordinal)
    {
        ["null_type"] = Null,
        ["bool"] = Bool,
        ["int"] = Int,
        ["uint"] = Uint,
        ["double"] = Double,
        ["string"] = String,
        ["bytes"] = Bytes,
        ["list"] = List,
        ["map"] = Map,
        ["type"] = Type,
        ["google.protobuf.Timestamp"] = Timestamp,
        ["google.protobuf.Duration"] = Duration,
        ["optional_type"] = Optional,
    };

    /// <summary>Gets the type of values of <paramref name="kind"/>.</summary>
    public static CelType Of(CelValueKind kind) => kind switch
    {
        CelValueKind.Null => Null,
        CelValueKind.Bool => Bool,
        CelValueKind.Int => Int,
        CelValueKind.Uint => Uint,
        CelValueKind.Double => Double,
        CelValueKind.String => String,
        CelValueKind.Bytes => Bytes,
        CelValueKind.List => List,
        CelValueKind.Map => Map,
        CelValueKind.Timestamp => Timestamp,
        CelValueKind.Duration => Duration,
        CelValueKind.Type => Type,
        CelValueKind.Optional => Optional,
        _ => Error,
    };

    /// <inheritdoc />
    public bool Equals(CelType? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CelType);

    /// <inheritdoc />
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;
}
