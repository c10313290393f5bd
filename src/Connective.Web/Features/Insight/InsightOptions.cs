using System.ComponentModel.DataAnnotations;

namespace Connective.Web.Features.Insight;

/// <summary>`Insight` settings. Validated at start-up.</summary>
public sealed class InsightOptions
{
    public const string Section = "Insight";

    /// <summary>How long the bereaved person and their close friends stay on the check-in list after a bereavement.</summary>
    [Range(1, 365)]
    public int CheckInDays { get; set; } = 56;

    /// <summary>Life events this recent move a person up the isolation list.</summary>
    [Range(1, 730)]
    public int RecentLifeEventDays { get; set; } = 180;

    /// <summary>People reaching fewer than this many others within two steps are listed as at risk of isolation.</summary>
    [Range(1, 100)]
    public int MinReachWithinTwoSteps { get; set; } = 5;

    /// <summary>
    /// How often the background builder checks the network version even without a signal (another web instance may have
    /// changed the network).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RebuildCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>ε of the approximate betweenness (Riondato–Kornaropoulos): the largest error of a normalised estimate, with probability 1 − δ.</summary>
    [Range(0.001, 0.5)]
    public double BetweennessEpsilon { get; set; } = 0.02;

    /// <summary>The map shows at most this many people at once (a ward, or the borough filtered); a larger set is refused with a message.</summary>
    [Range(100, 200_000)]
    public int MapMaxPeople { get; set; } = 25_000;
}
