using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Connective.Graph;
using Connective.Graph.Traversal;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Matching;
using Connective.Web.Features.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Circle;

/// <summary>The ranked helpers for one request, and whether the requester reaches any helper through people they know.</summary>
public sealed record MatchResult(IReadOnlyList<RankedHelper> Ranked, bool RequesterHasNetworkPath);

/// <summary>
/// Gathers the candidates for a request from the database (helpers in range only, with their check, load and recent
/// offers) and their network distance to the requester over the consent-filtered graph, then hands them to the
/// Matching policy. The graph is <see cref="ConsentedNetwork"/>'s cached snapshot; the search is the engine's
/// <see cref="BoundedBfs"/>. This class holds no consent rule or traversal of its own.
/// </summary>
public sealed class CircleMatching(ConsentedNetwork network, TimeProvider time, IOptions<CircleOptions> options)
{
    /// <summary>Network distances beyond this are not used ("up to three steps").</summary>
    public const int MaxNetworkDistance = 3;

    private const double KmPerDegreeLatitude = 111.32;

    // For the flat-earth pre-check of each helper's range: a little less than a degree of latitude on the haversine's
    // sphere (6371.0088 km), longitude scaled at the poleward edge of the box, and the squared range widened by 2%. Each
    // choice can only make the pre-check's distance shorter than the exact one, so it never drops a helper in range.
    private const double KmPerDegreeAtMost = 111.19;
    private const double RangeSlack = 1.02;

    // BoundedBfs keeps scratch arrays the size of the graph: reuse them per snapshot instead of allocating per request.
    private readonly ConditionalWeakTable<CsrGraph, ConcurrentBag<BoundedBfs>> _searches = [];

    /// <summary>The eligible helpers for a request, best first (end to end from the request id; used by the benchmark).</summary>
    public async Task<IReadOnlyList<RankedHelper>> RankHelpersAsync(AppDbContext db, long requestId, CancellationToken ct) =>
        (await MatchAsync(db, requestId, ct)).Ranked;

    /// <summary>
    /// The ranked helpers, and whether any candidate is within three steps of the requester. When none is, only helpers
    /// vetted for home visits stay in the list, so that a person with no network path is still helped safely.
    /// </summary>
    public async Task<MatchResult> MatchAsync(AppDbContext db, long requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var request = await db.HelpRequests.AsNoTracking()
            .Where(r => r.Id == requestId)
            .Select(r => new { r.RequesterResidentId, r.TaskTypeId, r.Latitude, r.Longitude, r.PreferredAt })
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"There is no help request with the id {requestId}.");
        var type = await db.CircleTaskTypes.AsNoTracking().SingleAsync(t => t.Id == request.TaskTypeId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var since = now.AddDays(-7);

        // A bounding box around the request, as wide as the furthest any helper will travel, lets the (Status, Latitude)
        // index narrow the scan. Inside it, each helper's own range is pre-checked with a flat-earth distance (plain
        // arithmetic, which both providers run) that is never longer than the exact one; the policy then applies the exact
        // range. Helpers at their cap or without the task's check and training (as Vetting.Satisfies and Vetting.HasTraining
        // decide them below, which stay the authority) are left out here too: the policy never ranks them, so their rows
        // need not be read. The vetting record (at most one per helper, a unique index) is a left join, not a sub-query.
        var rangeKm = options.Value.MaxHelperRangeKm;
        var dLat = rangeKm / KmPerDegreeLatitude;
        var dLon = rangeKm / (KmPerDegreeLatitude * Math.Max(0.1, Math.Cos(request.Latitude * Math.PI / 180)));
        var poleward = Math.Min(90, Math.Abs(request.Latitude) + dLat);
        var latKm2 = KmPerDegreeAtMost * KmPerDegreeAtMost;
        var lonKm2 = latKm2 * Math.Cos(poleward * Math.PI / 180) * Math.Cos(poleward * Math.PI / 180);
        var skill = type.SkillBit;
        var requiredCheck = type.RequiredCheck;
        var requiredTraining = type.RequiredTraining;
        var helpers = await (
            from h in db.HelperProfiles.AsNoTracking()
            where h.Status == HelperStatus.Active && (h.Skills & skill) != 0 && h.ResidentId != request.RequesterResidentId
                  && h.ActiveTasks < h.MaxTasks
                  && h.Latitude >= request.Latitude - dLat && h.Latitude <= request.Latitude + dLat
                  && h.Longitude >= request.Longitude - dLon && h.Longitude <= request.Longitude + dLon
                  && ((h.Latitude - request.Latitude) * (h.Latitude - request.Latitude) * latKm2)
                     + ((h.Longitude - request.Longitude) * (h.Longitude - request.Longitude) * lonKm2)
                     <= h.MaxDistanceKm * h.MaxDistanceKm * RangeSlack
            join v in db.VettingRecords on h.ResidentId equals v.HelperResidentId into checks
            from check in checks.DefaultIfEmpty()
            where (requiredCheck == CheckLevel.None
                   || (check != null && check.Level >= requiredCheck && check.RecheckDueOn >= today
                       && (requiredCheck != CheckLevel.EnhancedWithAdultsBarredList || check.BarredListChecked)))
                  && (h.Training & requiredTraining) == requiredTraining
            select new
            {
                h.ResidentId,
                h.Latitude,
                h.Longitude,
                h.MaxDistanceKm,
                h.AvailableDays,
                h.AvailableFromHour,
                h.AvailableToHour,
                h.ActiveTasks,
                h.MaxTasks,
                h.Training,
                h.OffersReceived,
                h.OffersAnswered,
                h.TasksAccepted,
                h.TasksCompleted,
                Level = check == null ? (CheckLevel?)null : check.Level,
                BarredListChecked = check != null && check.BarredListChecked,
                RecheckDueOn = check == null ? (DateTime?)null : check.RecheckDueOn,
                RecentOffers = db.HelpOffers.Count(o => o.HelperResidentId == h.ResidentId && o.OfferedAt >= since),
            })
            .ToListAsync(ct);

        var distances = await NetworkDistancesAsync(db, request.RequesterResidentId, helpers.Select(h => h.ResidentId), ct);
        var candidates = new List<HelperCandidate>(helpers.Count);
        var vetted = new HashSet<int>();
        foreach (var h in helpers)
        {
            var checkOk = Vetting.Satisfies(type.RequiredCheck, h.Level, h.BarredListChecked, h.RecheckDueOn, today)
                          && Vetting.HasTraining(h.Training, type.RequiredTraining);
            if (Vetting.Satisfies(Vetting.HomeVisitLevel, h.Level, false, h.RecheckDueOn, today))
            {
                vetted.Add(h.ResidentId);
            }
            candidates.Add(new HelperCandidate(
                h.ResidentId,
                distances.TryGetValue(h.ResidentId, out var hops) && hops > 0 ? hops : null,
                checkOk,
                SkillMatch: 1.0,
                DistanceKm: Distances.Kilometres(request.Latitude, request.Longitude, h.Latitude, h.Longitude),
                h.MaxDistanceKm,
                Available: IsAvailable(h.AvailableDays, h.AvailableFromHour, h.AvailableToHour, request.PreferredAt),
                h.ActiveTasks,
                h.MaxTasks,
                Reliability: Reliability(h.OffersReceived, h.OffersAnswered, h.TasksAccepted, h.TasksCompleted),
                h.RecentOffers));
        }

        var ranked = HelperRanking.Rank(candidates);
        var hasPath = ranked.Any(helper => helper.Candidate.NetworkDistance is not null);
        if (!hasPath)
        {
            ranked = [.. ranked.Where(helper => vetted.Contains(helper.Candidate.HelperResidentId))];
        }
        return new MatchResult(ranked, hasPath);
    }

    /// <summary>
    /// The helpers' network distances from the requester (those within three steps; 0 marks a helper not reached), over
    /// the ties both ends consented to use for finding help. Keyed by the helpers, not by everyone reached, so that a
    /// well-connected requester's thousands of contacts cost a lookup each rather than an insert each.
    /// </summary>
    private async Task<Dictionary<int, int>> NetworkDistancesAsync(AppDbContext db, int requesterId, IEnumerable<int> helperIds, CancellationToken ct)
    {
        var snapshot = await network.GetAsync(db, ConsentPurpose.FindHelpThroughMyNetwork, ct);
        var graph = snapshot.Graph;
        var result = new Dictionary<int, int>();
        if (requesterId < 0 || requesterId >= graph.NodeCount || !snapshot.Includes(requesterId))
        {
            return result;
        }
        foreach (var id in helperIds)
        {
            result[id] = 0;
        }
        var pool = _searches.GetOrCreateValue(graph);
        if (!pool.TryTake(out var search))
        {
            search = new BoundedBfs(graph);
        }
        try
        {
            var reached = search.Run(requesterId, MaxNetworkDistance);
            for (var i = 1; i < reached.Count; i++)
            {
                ref var depth = ref CollectionsMarshal.GetValueRefOrNullRef(result, reached.Nodes[i]);
                if (!Unsafe.IsNullRef(ref depth))
                {
                    depth = reached.Depths[i];
                }
            }
        }
        finally
        {
            pool.Add(search);
        }
        return result;
    }

    /// <summary>Free at the preferred time, or on some day of the week when the requester named no time.</summary>
    public static bool IsAvailable(int days, int fromHour, int toHour, DateTime? preferredAt)
    {
        if (preferredAt is not { } at)
        {
            return days != 0;
        }
        return (days & (1 << (int)at.DayOfWeek)) != 0 && at.Hour >= fromHour && at.Hour < toHour;
    }

    /// <summary>
    /// How dependable a helper has been: offers answered and accepted tasks finished, out of all offers and acceptances,
    /// with a prior of one success and one failure so that a new helper starts at one half rather than at zero or one.
    /// </summary>
    public static double Reliability(int offersReceived, int offersAnswered, int tasksAccepted, int tasksCompleted) =>
        (offersAnswered + tasksCompleted + 1.0) / (offersReceived + tasksAccepted + 2.0);
}
