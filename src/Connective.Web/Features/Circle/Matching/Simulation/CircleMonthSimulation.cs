using Connective.Graph.Generators;
using Connective.Graph.Traversal;

namespace Connective.Web.Features.Circle.Matching.Simulation;

/// <summary>How requests are offered: the platform's ranking and waves, or the baseline of the three nearest eligible helpers.</summary>
public enum OfferPolicy
{
    /// <summary>The platform: ranked helpers offered in widening waves.</summary>
    Waves,

    /// <summary>The baseline: the three nearest eligible helpers, once.</summary>
    NearestThree,
}

/// <summary>What happened to the month's requests under one policy.</summary>
internal sealed record CircleSimulationOutcome(
    OfferPolicy Policy,
    int Requests,
    int AcceptedBeforeDeadline,
    int HandledByCoordinator,
    int NoTiesRequests,
    int NoTiesAcceptedByVettedHelper,
    int NoTiesHandledByCoordinator,
    int NoTiesAcceptedByUnvettedHelper,
    int AcceptedThroughNetwork,
    int Helpers,
    int HelpersWithTasks,
    int HelpersOffered,
    int MaxActiveTasksSeen,
    int CapBreaches,
    double BusiestTenthShareOfTasks,
    long OffersSent,
    double MedianHoursToAcceptance,
    int EscalatedBeforeDeadline)
{
    public double AcceptedShare => Requests == 0 ? 0 : (double)AcceptedBeforeDeadline / Requests;
}

/// <summary>
/// A discrete-event simulation of a month of Circle requests. Helpers answer offers on their own clocks; an accept counts
/// only while the request is open, before its deadline and while the helper is below their cap (the same check the
/// platform makes in a transaction). Each helper's answer to each request is drawn from a stream of its own, so both
/// policies meet the same helper decisions whenever they make the same offer.
/// </summary>
internal static class CircleMonthSimulation
{
    private enum EventKind { Arrival, Wave, Answer, TaskDone, Deadline }

    private readonly record struct Event(EventKind Kind, int Request, int Helper);

    public static CircleSimulationOutcome Run(CircleSimulationWorld world, OfferPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(world);
        var settings = world.Settings;
        var requests = world.Requests;
        var helperCount = world.HelperCount;
        var bfs = new BoundedBfs(world.ConsentedGraph.Graph);
        var helperOfPerson = world.HelperOfPerson();

        var active = new int[helperCount];
        var tasks = new int[helperCount];
        var offered = new bool[helperCount];
        var recentOffers = new Queue<double>[helperCount];
        for (var h = 0; h < helperCount; h++)
        {
            recentOffers[h] = new Queue<double>();
        }
        var maxActive = 0;
        var capBreaches = 0;
        long offersSent = 0;

        var acceptedBy = new int[requests.Count];
        Array.Fill(acceptedBy, -1);
        var acceptedAt = new double[requests.Count];
        var escalated = new bool[requests.Count];
        var waveNumber = new int[requests.Count];
        var offeredTo = new HashSet<int>[requests.Count];
        var reachable = new ReachableHelper[requests.Count][];

        // Ties in time are broken by insertion order, so the run is the same on every machine.
        var queue = new PriorityQueue<Event, (double Time, long Order)>();
        long order = 0;
        void Schedule(double time, Event e) => queue.Enqueue(e, (time, order++));
        foreach (var request in requests)
        {
            Schedule(request.ArrivalHours, new Event(EventKind.Arrival, request.Index, -1));
            Schedule(request.DeadlineHours, new Event(EventKind.Deadline, request.Index, -1));
        }

        void Offer(SimulatedRequest request, int helper, double distanceKm, double now)
        {
            offersSent++;
            offered[helper] = true;
            offeredTo[request.Index].Add(world.HelperPerson[helper]);
            recentOffers[helper].Enqueue(now);
            var decision = new SeededRandom(world.Seed ^ 0x0FFE_A5EE_0000_0000UL ^ ((ulong)(uint)request.Index << 32) ^ (uint)helper);
            var accepts = decision.NextBool(distanceKm > 2 ? settings.AcceptProbabilityBeyond2Km : settings.AcceptProbability);
            var answerAfter = decision.NextDouble() * settings.AnswerWithinHours;
            // Declines and lapses change nothing; only an accept needs an event.
            if (accepts)
            {
                Schedule(now + answerAfter, new Event(EventKind.Answer, request.Index, helper));
            }
        }

        while (queue.TryDequeue(out var e, out var at))
        {
            var now = at.Time;
            var request = requests[e.Request];
            switch (e.Kind)
            {
                case EventKind.Arrival:
                    reachable[request.Index] = world.Reachable(request, bfs, helperOfPerson);
                    offeredTo[request.Index] = [];
                    if (policy == OfferPolicy.NearestThree)
                    {
                        var eligible = reachable[request.Index]
                            .Where(r => MeetsChecks(world, request, r.Helper) && active[r.Helper] < settings.MaxTasksAtOnce)
                            .ToList();
                        if (!eligible.Exists(r => r.NetworkDistance is not null))
                        {
                            eligible.RemoveAll(r => !world.HelperVetted[r.Helper]);
                        }
                        var nearest = eligible.OrderBy(r => r.DistanceKm).ThenBy(r => r.Helper).Take(settings.BaselineOffers);
                        foreach (var r in nearest)
                        {
                            Offer(request, r.Helper, r.DistanceKm, now);
                        }
                    }
                    else
                    {
                        Schedule(now, new Event(EventKind.Wave, request.Index, -1));
                    }
                    break;

                case EventKind.Wave:
                    if (acceptedBy[request.Index] >= 0 || now >= request.DeadlineHours)
                    {
                        break;
                    }
                    var candidates = reachable[request.Index].Select(r => new HelperCandidate(
                        CircleSimulationWorld.ResidentId(world.HelperPerson[r.Helper]),
                        r.NetworkDistance,
                        MeetsChecks(world, request, r.Helper),
                        SkillMatch: 1,
                        r.DistanceKm,
                        world.HelperMaxKm[r.Helper],
                        Available: true,
                        active[r.Helper],
                        settings.MaxTasksAtOnce,
                        world.HelperReliability[r.Helper],
                        OffersInLastWeek(recentOffers[r.Helper], now)));
                    var ranked = HelperRanking.Rank(candidates);
                    if (!ranked.Any(helper => helper.Candidate.NetworkDistance is not null))
                    {
                        // The platform's rule (CircleMatching.MatchAsync): a requester who reaches no helper through people
                        // they know is offered only to helpers vetted for home visits.
                        ranked = [.. ranked.Where(helper => world.HelperVetted[helperOfPerson[helper.Candidate.HelperResidentId - 1]])];
                    }
                    waveNumber[request.Index]++;
                    var step = OfferWaves.Next(ranked, offeredTo[request.Index], waveNumber[request.Index], TimeSpan.FromHours(request.DeadlineHours - now));
                    if (step.HelperResidentIds.Count == 0)
                    {
                        // Nobody eligible is left to ask: the request shows in the coordinator's queue, and waves are
                        // tried again in case a helper frees up before the deadline.
                        escalated[request.Index] = true;
                        Schedule(now + settings.RetryHours, new Event(EventKind.Wave, request.Index, -1));
                        break;
                    }
                    var byResident = reachable[request.Index].ToDictionary(r => CircleSimulationWorld.ResidentId(world.HelperPerson[r.Helper]));
                    foreach (var residentId in step.HelperResidentIds)
                    {
                        var r = byResident[residentId];
                        Offer(request, r.Helper, r.DistanceKm, now);
                    }
                    Schedule(now + step.WaitBeforeNextWave.TotalHours, new Event(EventKind.Wave, request.Index, -1));
                    break;

                case EventKind.Answer:
                    if (acceptedBy[request.Index] >= 0 || now >= request.DeadlineHours || active[e.Helper] >= settings.MaxTasksAtOnce)
                    {
                        break;
                    }
                    acceptedBy[request.Index] = e.Helper;
                    acceptedAt[request.Index] = now;
                    active[e.Helper]++;
                    tasks[e.Helper]++;
                    maxActive = Math.Max(maxActive, active[e.Helper]);
                    if (active[e.Helper] > settings.MaxTasksAtOnce)
                    {
                        capBreaches++;
                    }
                    // The task is done at some time before the deadline; the helper's load drops then.
                    var doneAt = now + ((request.DeadlineHours - now) * new SeededRandom(world.Seed ^ 0xD0E5_0000_0000_0000UL ^ (ulong)request.Index).NextDouble());
                    Schedule(doneAt, new Event(EventKind.TaskDone, request.Index, e.Helper));
                    break;

                case EventKind.TaskDone:
                    active[e.Helper]--;
                    break;

                case EventKind.Deadline:
                    break;
            }
        }

        return Summarise(world, policy, acceptedBy, acceptedAt, escalated, tasks, offered, maxActive, capBreaches, offersSent, reachable);
    }

    private static bool MeetsChecks(CircleSimulationWorld world, SimulatedRequest request, int helper) =>
        !request.NeedsVettedHelper || world.HelperVetted[helper];

    private static int OffersInLastWeek(Queue<double> offerTimes, double now)
    {
        while (offerTimes.Count > 0 && offerTimes.Peek() <= now - (7 * 24))
        {
            offerTimes.Dequeue();
        }
        return offerTimes.Count;
    }

    private static CircleSimulationOutcome Summarise(
        CircleSimulationWorld world, OfferPolicy policy, int[] acceptedBy, double[] acceptedAt, bool[] escalated, int[] tasks, bool[] offered,
        int maxActive, int capBreaches, long offersSent, ReachableHelper[][] reachable)
    {
        var requests = world.Requests;
        int accepted = 0, coordinator = 0, noTies = 0, noTiesVetted = 0, noTiesCoordinator = 0, noTiesUnvetted = 0, throughNetwork = 0, escalatedEarly = 0;
        var hoursToAcceptance = new List<double>();
        foreach (var request in requests)
        {
            var helper = acceptedBy[request.Index];
            if (escalated[request.Index])
            {
                escalatedEarly++;
            }
            if (helper >= 0)
            {
                accepted++;
                hoursToAcceptance.Add(acceptedAt[request.Index] - request.ArrivalHours);
                if (Array.Find(reachable[request.Index], r => r.Helper == helper).NetworkDistance is not null)
                {
                    throughNetwork++;
                }
            }
            else
            {
                coordinator++;
            }
            if (!request.RequesterHasTies)
            {
                noTies++;
                if (helper < 0)
                {
                    noTiesCoordinator++;
                }
                else if (world.HelperVetted[helper])
                {
                    noTiesVetted++;
                }
                else
                {
                    noTiesUnvetted++;
                }
            }
        }
        hoursToAcceptance.Sort();
        var byLoad = tasks.OrderDescending().ToArray();
        var totalTasks = byLoad.Sum();
        var busiestTenth = (int)Math.Ceiling(byLoad.Length / 10.0);
        var busiestShare = totalTasks == 0 ? 0 : (double)byLoad.Take(busiestTenth).Sum() / totalTasks;
        return new CircleSimulationOutcome(
            policy, requests.Count, accepted, coordinator, noTies, noTiesVetted, noTiesCoordinator, noTiesUnvetted, throughNetwork,
            world.HelperCount, tasks.Count(t => t > 0), offered.Count(o => o), maxActive, capBreaches, busiestShare, offersSent,
            hoursToAcceptance.Count == 0 ? 0 : hoursToAcceptance[hoursToAcceptance.Count / 2], escalatedEarly);
    }
}
