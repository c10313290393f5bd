using System.Globalization;

namespace Connective.Web.Features.Circle.Matching;

/// <summary>
/// Ranks the helpers for one request: trusted neighbours first (someone the requester knows, then a friend of a friend,
/// then three steps away), then skills, closeness, availability, spare capacity and past reliability, with a small
/// penalty for helpers asked often this week so that the same people are not asked every time. Pure and database-free.
/// </summary>
public static class HelperRanking
{
    // Weights of the parts of the score; they sum to 1, so a perfect candidate scores 1 before the rotation penalty.
    // Network proximity carries the most: help through people one knows is the point of Circle.
    internal const double NetworkWeight = 0.30;
    internal const double SkillWeight = 0.15;
    internal const double ClosenessWeight = 0.20;
    internal const double AvailabilityWeight = 0.10;
    internal const double SpareCapacityWeight = 0.10;
    internal const double ReliabilityWeight = 0.15;

    /// <summary>Taken off the score for each offer received in the last seven days, up to <see cref="MaxRotationPenalty"/>.</summary>
    internal const double RotationPenaltyPerOffer = 0.03;

    /// <summary>At most this is taken off for recent offers: a close friend asked often still comes before a stranger asked never.</summary>
    internal const double MaxRotationPenalty = 0.18;

    /// <summary>The distance at which closeness counts half (the score falls as 1 / (1 + km / this)).</summary>
    internal const double HalfClosenessKm = 1.5;

    /// <summary>
    /// The eligible candidates, best first, each with a score and reasons. Candidates who do not meet the checks, are at
    /// their cap or live beyond the distance they will go are left out, never offered. Equal scores keep a fixed order
    /// (lower resident id first), so the same input always gives the same ranking.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="candidates"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">When a candidate's field is out of range (the message names the helper and the field), or a helper appears twice.</exception>
    public static IReadOnlyList<RankedHelper> Rank(IEnumerable<HelperCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var seen = new HashSet<int>();
        var ranked = new List<RankedHelper>();
        foreach (var candidate in candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(candidates));
            Validate(candidate);
            if (!seen.Add(candidate.HelperResidentId))
            {
                throw new ArgumentException($"Helper {candidate.HelperResidentId} appears more than once among the candidates.", nameof(candidates));
            }
            if (candidate.IsEligible)
            {
                ranked.Add(new RankedHelper(candidate, Score(candidate), Reasons(candidate)));
            }
        }
        ranked.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.Candidate.HelperResidentId.CompareTo(b.Candidate.HelperResidentId);
        });
        return ranked;
    }

    /// <summary>The score of an eligible candidate, from 0 to 1.</summary>
    internal static double Score(HelperCandidate candidate)
    {
        var score =
            NetworkWeight * Proximity(candidate.NetworkDistance)
            + SkillWeight * candidate.SkillMatch
            + ClosenessWeight * Closeness(candidate.DistanceKm)
            + AvailabilityWeight * (candidate.Available ? 1 : 0)
            + SpareCapacityWeight * (1 - (double)candidate.ActiveTasks / candidate.MaxTasks)
            + ReliabilityWeight * candidate.Reliability
            - RotationPenalty(candidate.OffersInLast7Days);
        return Math.Clamp(score, 0, 1);
    }

    /// <summary>1 for someone the requester knows, less for each step further, 0 without a path within three steps.</summary>
    internal static double Proximity(int? networkDistance) => networkDistance switch
    {
        1 => 1.0,
        2 => 0.7,
        3 => 0.45,
        _ => 0.0,
    };

    internal static double Closeness(double distanceKm) => 1 / (1 + distanceKm / HalfClosenessKm);

    internal static double RotationPenalty(int offersInLast7Days) =>
        Math.Min(MaxRotationPenalty, RotationPenaltyPerOffer * offersInLast7Days);

    // Words for a requester or coordinator. The relation is described by its length only: the graph holds only ties
    // both people consented to use for finding help, and no reason ever says through whom.
    private static string[] Reasons(HelperCandidate candidate)
    {
        // Sized exactly, from constant strings where possible: a request ranks hundreds of helpers.
        var skills = candidate.SkillMatch >= 0.75 ? "has the skills asked for"
            : candidate.SkillMatch >= 0.25 ? "has some of the skills asked for"
            : null;
        var reliable = candidate.Reliability >= 0.9;
        var notAsked = candidate.OffersInLast7Days == 0;
        var reasons = new string[5 + (skills is null ? 0 : 1) + (reliable ? 1 : 0) + (notAsked ? 1 : 0)];
        var i = 0;
        reasons[i++] = candidate.NetworkDistance switch
        {
            1 => "someone you know",
            2 => "a friend of a friend",
            3 => "known through people you know (three steps)",
            _ => "not connected to you through people you know",
        };
        reasons[i++] = "has the checks this task needs";
        if (skills is not null)
        {
            reasons[i++] = skills;
        }
        reasons[i++] = candidate.DistanceKm < 0.1
            ? "less than 100 m away"
            : string.Create(CultureInfo.InvariantCulture, $"{candidate.DistanceKm:0.0} km away");
        reasons[i++] = candidate.Available ? "free at the time asked" : "may not be free at the time asked";
        reasons[i++] = candidate.ActiveTasks switch
        {
            0 => "no other tasks at the moment",
            1 => "1 other task in hand",
            2 => "2 other tasks in hand",
            _ => string.Create(CultureInfo.InvariantCulture, $"{candidate.ActiveTasks} other tasks in hand"),
        };
        if (reliable)
        {
            reasons[i++] = "completes nearly every task taken on";
        }
        if (notAsked)
        {
            reasons[i] = "not asked this week";
        }
        return reasons;
    }

    private static void Validate(HelperCandidate candidate)
    {
        var id = candidate.HelperResidentId;
        if (candidate.NetworkDistance is { } steps && steps is < 1 or > 3)
        {
            throw Invalid(id, nameof(HelperCandidate.NetworkDistance), $"must be 1, 2, 3 or null, got {steps}");
        }
        CheckFraction(id, nameof(HelperCandidate.SkillMatch), candidate.SkillMatch);
        CheckFraction(id, nameof(HelperCandidate.Reliability), candidate.Reliability);
        CheckKilometres(id, nameof(HelperCandidate.DistanceKm), candidate.DistanceKm);
        CheckKilometres(id, nameof(HelperCandidate.MaxDistanceKm), candidate.MaxDistanceKm);
        if (candidate.MaxTasks < 1)
        {
            throw Invalid(id, nameof(HelperCandidate.MaxTasks), $"must be at least 1, got {candidate.MaxTasks}");
        }
        if (candidate.ActiveTasks < 0)
        {
            throw Invalid(id, nameof(HelperCandidate.ActiveTasks), $"must not be negative, got {candidate.ActiveTasks}");
        }
        if (candidate.OffersInLast7Days < 0)
        {
            throw Invalid(id, nameof(HelperCandidate.OffersInLast7Days), $"must not be negative, got {candidate.OffersInLast7Days}");
        }
    }

    private static void CheckFraction(int id, string field, double value)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw Invalid(id, field, string.Create(CultureInfo.InvariantCulture, $"must be from 0 to 1, got {value}"));
        }
    }

    private static void CheckKilometres(int id, string field, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw Invalid(id, field, string.Create(CultureInfo.InvariantCulture, $"must be a distance of 0 km or more, got {value}"));
        }
    }

    private static ArgumentException Invalid(int helperResidentId, string field, string problem) =>
        new($"Candidate helper {helperResidentId}: {field} {problem}.");
}
