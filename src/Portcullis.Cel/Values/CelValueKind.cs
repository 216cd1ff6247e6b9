namespace Portcullis.Cel.Values;

/// <summary>The runtime kinds of CEL values.</summary>
public enum CelValueKind : byte
{
    /// <summary>The <c>null</c> value (type <c>null_type</c>).</summary>
    Null,
    /// <summary>A boolean.</summary>
    Bool,
    /// <summary>A signed 64-bit integer.</summary>
    Int,
    /// <summary>An unsigned 64-bit integer.</summary>
    Uint,
    /// <summary>An IEEE-754 double.</summary>
    Double,
    /// <summary>A Unicode string.</summary>
    String,
    /// <summary>A byte sequence.</summary>
    Bytes,
    /// <summary>A list of values.</summary>
    List,
    /// <summary>A map from int, uint, bool or string keys to values.</summary>
    Map,
    /// <summary>A point in time with nanosecond precision (<c>google.protobuf.Timestamp</c>).</summary>
    Timestamp,
    /// <summary>A signed span of time with nanosecond precision (<c>google.protobuf.Duration</c>).</summary>
    Duration,
    /// <summary>A type value such as <c>int</c> or <c>list</c>.</summary>
    Type,
    /// <summary>An optional value (<c>optional.of(x)</c> or <c>optional.none()</c>).</summary>
    Optional,
    /// <summary>An evaluation error carried as a value.</summary>
    Error,
}
