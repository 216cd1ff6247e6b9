namespace Portcullis.Cel.Values;

/// <summary>The payload of an optional value: either a present value or none.</summary>
public sealed class CelOptional
{
    private CelOptional(bool hasValue, CelValue value)
    {
        HasValue = hasValue;
        Value = value;
    }

    /// <summary>Gets the empty optional, <c>optional.none()</c>.</summary>
    public static CelOptional None { get; } = new(false, CelValue.Null);

    /// <summary>Gets a value indicating whether a value is present.</summary>
    public bool HasValue { get; }

    /// <summary>Gets the present value (null when absent).</summary>
    public CelValue Value { get; }

    /// <summary>Creates <c>optional.of(value)</c>.</summary>
    public static CelOptional Of(CelValue value) => new(true, value);
}
