namespace Connective.Web.Features.Circle.Matching;

/// <summary>
/// Decides who to offer a request to next. The first wave is a small group: the best-ranked helpers plus one who has
/// not been asked this week, so that the nearest helpers are not asked every time and idle helpers are asked too.
/// Each later wave is about twice as wide, and waves widen and come faster as the deadline nears. Pure and database-free:
/// the caller persists the offers and the due time of the next wave.
/// </summary>
public static class OfferWaves
{
    /// <summary>Helpers in the first wave when the deadline is two days or more away.</summary>
    internal const int FirstWaveSize = 3;

    /// <summary>No wave is wider than this, so a request never floods the whole borough at once.</summary>
    internal const int MaxWaveSize = 60;

    /// <summary>How long a helper has to answer an offer before it lapses.</summary>
    internal static readonly TimeSpan AnswerWindow = TimeSpan.FromHours(12);

    internal static readonly TimeSpan ShortestWait = TimeSpan.FromHours(1);
    internal static readonly TimeSpan LongestWait = TimeSpan.FromHours(8);

    /// <summary>
    /// The next wave for a request: up to a wave's worth of ranked helpers not offered it yet, and how long to wait for
    /// an answer before asking for the following wave.
    /// </summary>
    /// <param name="ranked">The eligible helpers, best first, as <see cref="HelperRanking.Rank"/> returns them (rank again before each wave: loads change).</param>
    /// <param name="alreadyOffered">Helpers offered this request in earlier waves; they are not offered it again.</param>
    /// <param name="waveNumber">1 for the first wave, 2 for the second, and so on.</param>
    /// <param name="timeToDeadline">Time left until the request's deadline.</param>
    /// <returns>
    /// The wave. Its list is empty when the deadline has passed or every ranked helper has been offered the request:
    /// then nobody is left to ask and the request must go to a coordinator.
    /// </returns>
    /// <exception cref="ArgumentNullException">When <paramref name="ranked"/> or <paramref name="alreadyOffered"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="waveNumber"/> is below 1.</exception>
    public static WaveStep Next(IReadOnlyList<RankedHelper> ranked, IReadOnlySet<int> alreadyOffered, int waveNumber, TimeSpan timeToDeadline)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(alreadyOffered);
        ArgumentOutOfRangeException.ThrowIfLessThan(waveNumber, 1);
        if (timeToDeadline <= TimeSpan.Zero)
        {
            return new WaveStep([], TimeSpan.Zero);
        }

        var notYetOffered = new List<RankedHelper>();
        foreach (var helper in ranked)
        {
            if (!alreadyOffered.Contains(helper.Candidate.HelperResidentId))
            {
                notYetOffered.Add(helper);
            }
        }
        if (notYetOffered.Count == 0)
        {
            return new WaveStep([], TimeSpan.Zero);
        }

        var size = Math.Min(WaveSize(waveNumber, timeToDeadline), notYetOffered.Count);
        var chosen = new List<int>(size);
        // One place goes to the best helper not asked this week, when the best-ranked would not include one anyway.
        var idle = notYetOffered.FindIndex(helper => helper.Candidate.OffersInLast7Days == 0);
        var reserveForIdle = idle >= size;
        for (var i = 0; chosen.Count < size - (reserveForIdle ? 1 : 0); i++)
        {
            chosen.Add(notYetOffered[i].Candidate.HelperResidentId);
        }
        if (reserveForIdle)
        {
            chosen.Add(notYetOffered[idle].Candidate.HelperResidentId);
        }

        // When this wave asks everyone left, wait for their answers and then hand over; otherwise pace by the deadline.
        var wait = notYetOffered.Count == chosen.Count
            ? Min(AnswerWindow, timeToDeadline)
            : WaitBeforeNextWave(timeToDeadline);
        return new WaveStep(chosen, wait);
    }

    /// <summary>3, 6, 12, 24, 48 … helpers, doubled when under two days remain and tripled under one day, at most <see cref="MaxWaveSize"/>.</summary>
    internal static int WaveSize(int waveNumber, TimeSpan timeToDeadline)
    {
        var doublings = Math.Min(waveNumber - 1, 5);
        var size = FirstWaveSize << doublings;
        if (timeToDeadline < TimeSpan.FromDays(1))
        {
            size *= 3;
        }
        else if (timeToDeadline < TimeSpan.FromDays(2))
        {
            size *= 2;
        }
        return Math.Min(size, MaxWaveSize);
    }

    /// <summary>A sixth of the time left, between one and eight hours: about six waves fit before any deadline.</summary>
    internal static TimeSpan WaitBeforeNextWave(TimeSpan timeToDeadline)
    {
        var sixth = timeToDeadline / 6;
        return sixth < ShortestWait ? Min(ShortestWait, timeToDeadline) : Min(sixth, LongestWait);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
