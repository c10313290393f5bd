using System.Globalization;

namespace Connective.Web.Infrastructure;

/// <summary>
/// Times as people in the borough read them: UK local time (GMT or BST, from the Europe/London rules), written the
/// GOV.UK way ("7 December 2026", "7 December 2026 at 2:05pm"). The database keeps UTC; only pages convert.
/// </summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>
    /// The UTC instant of a UK wall-clock time someone typed, or null when that time does not exist (the hour skipped when
    /// the clocks go forward). In the hour repeated when they go back, the first (summer-time) one is meant.
    /// </summary>
    public static DateTime? ToUtc(DateTime ukLocal)
    {
        var local = DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            return null;
        }
        var offset = London.IsAmbiguousTime(local) ? London.GetAmbiguousTimeOffsets(local).Max() : London.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>"Saturday 12 December 2026, 10:30" in UK time, for meetups and their mail.</summary>
    public static string DayAndClock(DateTime utc) => Local(utc).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"12:00" in UK time.</summary>
    public static string Clock(DateTime utc) => Local(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string DateAndTime(DateTime utc)
    {
        // "%h", not "h": a one-letter format string is a standard format, and "h" is none (it threw on the hour).
        var local = Local(utc);
        var time = local.ToString(local.Minute == 0 ? "%h" : "h:mm", CultureInfo.InvariantCulture) + (local.Hour < 12 ? "am" : "pm");
        return local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + " at " + time;
    }
}
