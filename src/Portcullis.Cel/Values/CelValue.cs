using System.Globalization;
using System.Runtime.CompilerServices;

namespace Portcullis.Cel.Values;

/// <summary>
/// One CEL value. A small struct so that scalars (bool, int, uint, double, timestamp, duration) never allocate;
/// strings, bytes, lists, maps, types, optionals and errors are carried by reference.
/// </summary>
/// <remarks>Durations are signed 64-bit nanosecond counts (about ±292 years), as in the reference implementation.
/// Timestamps are seconds since the Unix epoch plus nanoseconds, between 0001-01-01 and 9999-12-31 UTC.</remarks>
public readonly struct CelValue
{
    /// <summary>The earliest second of a valid timestamp: 0001-01-01T00:00:00Z.</summary>
    public const long MinTimestampSeconds = -62135596800;

    /// <summary>The latest second of a valid timestamp: 9999-12-31T23:59:59Z.</summary>
    public const long MaxTimestampSeconds = 253402300799;

    private readonly object? _ref;
    private readonly long _bits;
    private readonly int _nanos;

    private CelValue(CelValueKind kind, long bits, int nanos, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _nanos = nanos;
        _ref = reference;
    }

    /// <summary>Gets the kind of this value.</summary>
    public CelValueKind Kind { get; }

    public static CelValue Null => default;
    public static CelValue True { get; } = new(CelValueKind.Bool, 1, 0, null);
    public static CelValue False { get; } = new(CelValueKind.Bool, 0, 0, null);
    public static CelValue EmptyString { get; } = new(CelValueKind.String, 0, 0, string.Empty);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CelValue Bool(bool value) => value ? True : False;
    public static CelValue Int(long value) => new(CelValueKind.Int, value, 0, null);
    public static CelValue Uint(ulong value) => new(CelValueKind.Uint, unchecked((long)value), 0, null);
    public static CelValue Double(double value) => new(CelValueKind.Double, BitConverter.DoubleToInt64Bits(value), 0, null);
    public static CelValue String(string value) => new(CelValueKind.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static CelValue Bytes(byte[] value) => new(CelValueKind.Bytes, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static CelValue List(CelList value) => new(CelValueKind.List, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static CelValue Map(CelMap value) => new(CelValueKind.Map, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static CelValue Type(CelType value) => new(CelValueKind.Type, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static CelValue Optional(CelOptional value) => new(CelValueKind.Optional, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static CelValue OptionalOf(CelValue value) => Optional(CelOptional.Of(value));
    public static CelValue OptionalNone { get; } = new(CelValueKind.Optional, 0, 0, CelOptional.None);
    public static CelValue Error(CelError error) => new(CelValueKind.Error, 0, 0, error ?? throw new ArgumentNullException(nameof(error)));
    public static CelValue Error(string message) => Error(new CelError(message));

    /// <summary>Creates a duration of <paramref name="nanoseconds"/>.</summary>
    public static CelValue Duration(long nanoseconds) => new(CelValueKind.Duration, nanoseconds, 0, null);

    /// <summary>Creates a timestamp, or a "range" error when it falls outside 0001-01-01..9999-12-31.</summary>
    public static CelValue Timestamp(long seconds, int nanos)
    {
        if (nanos is < 0 or > 999_999_999)
        {
            seconds += Math.DivRem(nanos, 1_000_000_000, out var rem);
            nanos = rem;
            if (nanos < 0)
            {
                nanos += 1_000_000_000;
                seconds--;
            }
        }
        return seconds is < MinTimestampSeconds or > MaxTimestampSeconds
            ? Error("timestamp out of range")
            : new(CelValueKind.Timestamp, seconds, nanos, null);
    }

    /// <summary>Creates a timestamp from a <see cref="DateTimeOffset"/> (100 ns precision).</summary>
    public static CelValue Timestamp(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rem);
        if (rem < 0)
        {
            rem += TimeSpan.TicksPerSecond;
            seconds--;
        }
        return Timestamp(seconds, (int)(rem * 100));
    }

    public bool IsError => Kind == CelValueKind.Error;
    public bool IsNull => Kind == CelValueKind.Null;
    public bool AsBool => _bits != 0;
    public long AsInt => _bits;
    public ulong AsUint => unchecked((ulong)_bits);
    public double AsDouble => BitConverter.Int64BitsToDouble(_bits);
    public string AsString => (string)_ref!;
    public byte[] AsBytes => (byte[])_ref!;
    public CelList AsList => (CelList)_ref!;
    public CelMap AsMap => (CelMap)_ref!;
    public CelType AsType => (CelType)_ref!;
    public CelOptional AsOptional => (CelOptional)_ref!;
    public CelError AsError => (CelError)_ref!;

    /// <summary>Gets a duration's length in nanoseconds.</summary>
    public long DurationNanos => _bits;

    /// <summary>Gets a timestamp's whole seconds since the Unix epoch.</summary>
    public long TimestampSeconds => _bits;

    /// <summary>Gets a timestamp's nanoseconds within its second (0..999,999,999).</summary>
    public int TimestampNanos => _nanos;

    /// <summary>Gets a timestamp as a UTC <see cref="DateTimeOffset"/>, truncated to 100 ns.</summary>
    public DateTimeOffset AsDateTimeOffset => DateTimeOffset.UnixEpoch.AddTicks(_bits * TimeSpan.TicksPerSecond + _nanos / 100);

    /// <summary>Gets the CEL type of this value.</summary>
    public CelType CelType => Kind == CelValueKind.Type ? CelType.Type : CelType.Of(Kind);

    /// <summary>Gets the CEL name of this value's type, for messages.</summary>
    public string TypeName => CelType.Name;

    /// <summary>Returns a debugging representation in CEL-like syntax.</summary>
    public override string ToString() => Kind switch
    {
        CelValueKind.Null => "null",
        CelValueKind.Bool => AsBool ? "true" : "false",
        CelValueKind.Int => AsInt.ToString(CultureInfo.InvariantCulture),
        CelValueKind.Uint => AsUint.ToString(CultureInfo.InvariantCulture) + "u",
        CelValueKind.Double => AsDouble.ToString("R", CultureInfo.InvariantCulture),
        CelValueKind.String => "\"" + AsString + "\"",
        CelValueKind.Bytes => "b\"" + Convert.ToBase64String(AsBytes) + "\"",
        CelValueKind.List => "[" + string.Join(", ", AsList.Select(v => v.ToString())) + "]",
        CelValueKind.Map => "{" + string.Join(", ", AsMap.Select(e => e.Key + ": " + e.Value)) + "}",
        CelValueKind.Timestamp => $"timestamp({_bits}s+{_nanos}ns)",
        CelValueKind.Duration => $"duration({_bits}ns)",
        CelValueKind.Type => AsType.Name,
        CelValueKind.Optional => AsOptional.HasValue ? $"optional.of({AsOptional.Value})" : "optional.none()",
        CelValueKind.Error => "error: " + AsError.Message,
        _ => Kind.ToString(),
    };
}
