namespace Connective.Web.Features.Circle.Matching;

/// <summary>
/// What the matching policy needs to know about one helper for one request, gathered by the caller from the
/// database and the consent-filtered network. The policy itself reads nothing else.
/// </summary>
/// <param name="HelperResidentId">The helper's resident id.</param>
/// <param name="NetworkDistance">
/// Steps from the requester to the helper over the consent-filtered graph (purpose FindHelpThroughMyNetwork):
/// 1 for someone the requester knows, 2 for a friend of a friend, 3 for one step further; null when there is no path
/// within three steps (or either person has not consented).
/// </param>
/// <param name="MeetsChecks">True when the helper holds the check and training the task type requires.</param>
/// <param name="SkillMatch">How well the helper's skills fit the request, from 0 (not at all) to 1 (exactly).</param>
/// <param name="DistanceKm">Straight-line distance between the helper's home and the request's approximate location.</param>
/// <param name="MaxDistanceKm">How far the helper said they will go.</param>
/// <param name="Available">True when the helper's stated days and hours fit the time the help is wanted.</param>
/// <param name="ActiveTasks">Tasks the helper has accepted and not yet finished.</param>
/// <param name="MaxTasks">How many tasks at once the helper said they will take.</param>
/// <param name="Reliability">The share of the helper's accepted tasks they completed, from 0 to 1 (use a neutral prior such as 0.8 for a new helper).</param>
/// <param name="OffersInLast7Days">How many offers the helper received in the last seven days, so that the same people are not asked every time.</param>
public sealed record HelperCandidate(
    int HelperResidentId,
    int? NetworkDistance,
    bool MeetsChecks,
    double SkillMatch,
    double DistanceKm,
    double MaxDistanceKm,
    bool Available,
    int ActiveTasks,
    int MaxTasks,
    double Reliability,
    int OffersInLast7Days)
{
    /// <summary>
    /// True when the helper may be offered the task at all: the checks are met, they are below their cap and the
    /// request is within the distance they will go.
    /// </summary>
    public bool IsEligible => MeetsChecks && ActiveTasks < MaxTasks && DistanceKm <= MaxDistanceKm;
}

/// <summary>An eligible helper with their score (higher is better) and the reasons, in words, for the requester or coordinator.</summary>
/// <param name="Candidate">The candidate as given to <see cref="HelperRanking.Rank"/>.</param>
/// <param name="Score">The ranking score, from 0 to 1; only the order matters.</param>
/// <param name="Reasons">
/// Short phrases such as "a friend of a friend" or "2.1 km away". They describe the helper's relation to the
/// requester only by its length, never naming anyone in between.
/// </param>
public sealed record RankedHelper(HelperCandidate Candidate, double Score, IReadOnlyList<string> Reasons);

/// <summary>The helpers to offer a request to now, and how long to wait for an answer before the next wave.</summary>
/// <param name="HelperResidentIds">
/// The helpers to offer the task to now, best first. Empty when nobody is left to ask or the deadline has passed:
/// the request then goes to the coordinator's queue.
/// </param>
/// <param name="WaitBeforeNextWave">How long to wait before asking for the next wave (zero when the list is empty).</param>
public sealed record WaveStep(IReadOnlyList<int> HelperResidentIds, TimeSpan WaitBeforeNextWave);
