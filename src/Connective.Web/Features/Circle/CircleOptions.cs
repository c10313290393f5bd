using System.ComponentModel.DataAnnotations;

namespace Connective.Web.Features.Circle;

/// <summary>`Circle` settings: the organisation's policies for matching, lone working and re-checks. Validated at start-up.</summary>
public sealed class CircleOptions
{
    public const string Section = "Circle";

    /// <summary>How often the scheduler looks for due waves, escalations and overdue check-outs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The furthest any helper is looked for, in kilometres (each helper also sets their own range).</summary>
    [Range(0.5, 50)]
    public double MaxHelperRangeKm { get; set; } = 10;

    /// <summary>How late a check-out may be, after the task's expected length, before a coordinator is alerted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan CheckOutGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A request nobody has accepted this close to its deadline goes to the coordinator's queue as well.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan EscalateBeforeDeadline { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The organisation's policy: a check is renewed this many years after issue (certificates do not expire).</summary>
    [Range(1, 10)]
    public int RecheckAfterYears { get; set; } = 3;
}
