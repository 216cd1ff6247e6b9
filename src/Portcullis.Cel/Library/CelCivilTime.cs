namespace Portcullis.Cel.Library;

/// <summary>The calendar fields of an instant in some UTC offset (proleptic Gregorian calendar).</summary>
internal readonly record struct CelCivilTime(long Year, int Month, int Day, int Hour, int Minute, int Second, int DayOfWeek, int DayOfYear)
{
    private const long SecondsPerDay = 86_400;

    /// <summary>Splits <paramref name="unixSeconds"/> (already shifted by the UTC offset) into calendar fields.</summary>
    public static CelCivilTime FromUnixSeconds(long unixSeconds)
    {
        var days = Math.DivRem(unixSeconds, SecondsPerDay, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += SecondsPerDay;
            days--;
        }
        var (year, month, day) = CivilFromDays(days);
        var dayOfWeek = (int)(((days + 4) % 7 + 7) % 7); // 1970-01-01 was a Thursday.
        var dayOfYear = (int)(days - DaysFromCivil(year, 1, 1));
        return new(year, month, day, (int)(secondOfDay / 3600), (int)(secondOfDay / 60 % 60), (int)(secondOfDay % 60), dayOfWeek, dayOfYear);
    }

    /// <summary>Returns the days since 1970-01-01 of a calendar date.</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /// <summary>Returns whether <paramref name="day"/> exists in the given month.</summary>
    public static bool IsValidDate(long year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1) return false;
        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        ReadOnlySpan<byte> lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        return day <= lengths[month - 1] + (leap && month == 2 ? 1 : 0);
    }

    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        var era = (days >= 0 ? days : days - 146_096) / 146_097;
        var dayOfEra = days - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var mp = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }
}
