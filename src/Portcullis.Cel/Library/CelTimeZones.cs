using System.Collections.Concurrent;

namespace Portcullis.Cel.Library;

/// <summary>Resolves the time-zone argument of the timestamp accessors: an IANA name (<c>America/Los_Angeles</c>),
/// <c>UTC</c>, or a fixed offset (<c>+05:30</c>, <c>-08:00</c>, <c>02:00</c>).</summary>
internal static class CelTimeZones
{
    private const int MaxCachedZones = 1_000;
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>Finds the offset from UTC, in seconds, of <paramref name="zone"/> at <paramref name="utcSeconds"/>.</summary>
    public static bool TryGetOffset(string zone, long utcSeconds, out long offsetSeconds)
    {
        if (zone.Contains(':', StringComparison.Ordinal)) return TryParseFixedOffset(zone, out offsetSeconds);
        offsetSeconds = 0;
        if (FindZone(zone) is not { } info) return false;
        var instant = DateTime.UnixEpoch.AddSeconds(utcSeconds);
        offsetSeconds = (long)info.GetUtcOffset(instant).TotalSeconds;
        return true;
    }

    private static TimeZoneInfo? FindZone(string zone)
    {
        if (Zones.TryGetValue(zone, out var cached)) return cached;
        var found = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? info : null;
        // Names come from expressions and data; bound the cache so that arbitrary strings cannot grow it forever.
        if (Zones.Count < MaxCachedZones) Zones.TryAdd(zone, found);
        return found;
    }

    /// <summary>Parses <c>[+|-]H[H]:MM</c> with hours up to 23 and minutes up to 59.</summary>
    private static bool TryParseFixedOffset(string text, out long offsetSeconds)
    {
        offsetSeconds = 0;
        var s = text.AsSpan();
        var sign = 1;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            sign = s[0] == '-' ? -1 : 1;
            s = s[1..];
        }
        var colon = s.IndexOf(':');
        if (colon is < 1 or > 2 || s.Length - colon != 3) return false;
        foreach (var c in s)
        {
            if (c != ':' && !char.IsAsciiDigit(c)) return false;
        }
        var hours = colon == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
        var minutes = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
        if (hours > 23 || minutes > 59) return false;
        offsetSeconds = sign * (hours * 3600L + minutes * 60L);
        return true;
    }
}
