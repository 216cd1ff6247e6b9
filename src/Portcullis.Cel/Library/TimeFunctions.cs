using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// The timestamp and duration accessors, called as members: <c>t.getFullYear()</c>, <c>t.getHours('Europe/Paris')</c>,
/// <c>d.getMinutes()</c>. Month, day of month (<c>getDayOfMonth</c>), day of year and day of week (Sunday = 0) are
/// zero-based; <c>getDate</c> is the one-based day of month. Duration accessors give whole hours, minutes and
/// seconds in total, and the milliseconds within the second.
/// </summary>
public static class TimeFunctions
{
    private const long NanosPerMillisecond = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Registers the accessors.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        AddTimestampOnly(registry, "getFullYear", static t => t.Year);
        AddTimestampOnly(registry, "getMonth", static t => t.Month - 1);
        AddTimestampOnly(registry, "getDate", static t => t.Day);
        AddTimestampOnly(registry, "getDayOfMonth", static t => t.Day - 1);
        AddTimestampOnly(registry, "getDayOfYear", static t => t.DayOfYear);
        AddTimestampOnly(registry, "getDayOfWeek", static t => t.DayOfWeek);
        AddWithDuration(registry, "getHours", static t => t.Hour, static d => d / (3600 * NanosPerSecond));
        AddWithDuration(registry, "getMinutes", static t => t.Minute, static d => d / (60 * NanosPerSecond));
        AddWithDuration(registry, "getSeconds", static t => t.Second, static d => d / NanosPerSecond);
        AddWithDuration(registry, "getMilliseconds", null, static d => d % NanosPerSecond / NanosPerMillisecond);
    }

    private static void AddTimestampOnly(CelFunctionRegistry registry, string name, Func<CelCivilTime, long> field) =>
        AddWithDuration(registry, name, field, null);

    /// <param name="field">Reads the field from calendar time, or null for milliseconds (taken from the nanoseconds).</param>
    /// <param name="ofDuration">Reads the value from a duration's nanoseconds, or null if durations have no such accessor.</param>
    private static void AddWithDuration(CelFunctionRegistry registry, string name, Func<CelCivilTime, long>? field, Func<long, long>? ofDuration)
    {
        registry.Add(name, CelCallStyle.Member, 1, args => args[0].Kind switch
        {
            CelValueKind.Timestamp => Read(args[0], 0, field),
            CelValueKind.Duration when ofDuration is not null => CelValue.Int(ofDuration(args[0].DurationNanos)),
            _ => CelFunctionRegistry.NoOverload(name, args),
        });
        registry.Add(name, CelCallStyle.Member, 2, args =>
        {
            if (args[0].Kind != CelValueKind.Timestamp || args[1].Kind != CelValueKind.String) return CelFunctionRegistry.NoOverload(name, args);
            return CelTimeZones.TryGetOffset(args[1].AsString, args[0].TimestampSeconds, out var offset)
                ? Read(args[0], offset, field)
                : CelValue.Error($"unknown time zone '{args[1].AsString}'");
        });
    }

    private static CelValue Read(in CelValue timestamp, long offsetSeconds, Func<CelCivilTime, long>? field) =>
        field is null
            ? CelValue.Int(timestamp.TimestampNanos / NanosPerMillisecond)
            : CelValue.Int(field(CelCivilTime.FromUnixSeconds(timestamp.TimestampSeconds + offsetSeconds)));
}
