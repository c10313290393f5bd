using Connective.Graph.Generators;
using Connective.Graph.Traversal;
using Connective.Web.Data;
using Connective.Web.Features.Network;

namespace Connective.Web.Features.Circle.Matching.Simulation;

/// <summary>
/// The parameters of the month simulation. The first group is fixed by the bar before anything runs; the
/// second group is what the issue leaves open, chosen once here and documented in docs/circle-simulation.md.
/// </summary>
internal sealed record CircleSimulationSettings
{
    // Fixed by the issue.
    public double HelperShareOfAdults { get; init; } = 0.03;
    public double VettedShareOfHelpers { get; init; } = 1.0 / 3;
    public double WeeklyRequestShareAged75Plus { get; init; } = 0.02;
    public double WeeklyRequestShareOthers { get; init; } = 0.003;
    public double MinDeadlineDays { get; init; } = 2;
    public double MaxDeadlineDays { get; init; } = 7;
    public double AcceptProbability { get; init; } = 0.35;
    public double AcceptProbabilityBeyond2Km { get; init; } = 0.2;
    public double AnswerWithinHours { get; init; } = 12;
    public int MaxTasksAtOnce { get; init; } = 3;
    public int Days { get; init; } = 30;

    // Left open by the issue.
    /// <summary>How far helpers say they will go: each picks one of these, equally often.</summary>
    public IReadOnlyList<double> MaxDistanceChoicesKm { get; init; } = [1, 2, 3, 5];
    /// <summary>Share of requests from people aged 75+ that are home visits or handle money (need a vetted helper).</summary>
    public double HomeVisitShareAged75Plus { get; init; } = 0.5;
    public double HomeVisitShareOthers { get; init; } = 0.15;
    public int Categories { get; init; } = 6;
    /// <summary>Each helper offers each category of help with this probability (at least one); only helpers offering a request's category are asked.</summary>
    public double SkillProbability { get; init; } = 0.5;
    /// <summary>Past completion rates are drawn uniformly from this range.</summary>
    public double MinReliability { get; init; } = 0.7;
    /// <summary>When nobody eligible is left to ask, the request waits in the coordinator's queue and waves are tried again this often.</summary>
    public double RetryHours { get; init; } = 6;
    /// <summary>The baseline offers each request to this many nearest eligible helpers, once.</summary>
    public int BaselineOffers { get; init; } = 3;
}

/// <summary>One simulated request, fixed before either policy runs so both see the same requests.</summary>
internal sealed record SimulatedRequest(
    int Index, int RequesterPerson, double ArrivalHours, double DeadlineHours, int Category, bool NeedsVettedHelper, bool RequesterHasTies, bool RequesterAged75Plus);

/// <summary>A helper reachable for one request: index into the helpers, straight-line distance and network distance.</summary>
internal readonly record struct ReachableHelper(int Helper, double DistanceKm, int? NetworkDistance);

/// <summary>
/// The simulated borough: the demo community, the graph of ties between people who consent to finding help through
/// their network, the helpers and the month's requests. Everything follows from the size and the seed.
/// </summary>
internal sealed class CircleSimulationWorld
{
    private CircleSimulationWorld(
        CircleSimulationSettings settings, ulong seed, GeneratedCommunity community, ConsentedGraph consentedGraph, int[] helperPerson, bool[] helperVetted,
        double[] helperMaxKm, int[] helperSkills, double[] helperReliability, IReadOnlyList<SimulatedRequest> requests)
    {
        Settings = settings;
        Seed = seed;
        Community = community;
        ConsentedGraph = consentedGraph;
        HelperPerson = helperPerson;
        HelperVetted = helperVetted;
        HelperMaxKm = helperMaxKm;
        HelperSkills = helperSkills;
        HelperReliability = helperReliability;
        Requests = requests;
    }

    public CircleSimulationSettings Settings { get; }
    public ulong Seed { get; }
    public GeneratedCommunity Community { get; }

    /// <summary>The platform's consented graph (FindHelpThroughMyNetwork): node id == resident id == person + 1.</summary>
    public ConsentedGraph ConsentedGraph { get; }

    public int[] HelperPerson { get; }
    public bool[] HelperVetted { get; }
    public double[] HelperMaxKm { get; }
    public int[] HelperSkills { get; }
    public double[] HelperReliability { get; }
    public IReadOnlyList<SimulatedRequest> Requests { get; }
    public int HelperCount => HelperPerson.Length;

    public static int ResidentId(int person) => person + 1;

    /// <summary>
    /// Builds the world. <paramref name="consenting"/>[person] says whether the person currently consents to
    /// finding help through their network (the demo's consent model).
    /// </summary>
    public static CircleSimulationWorld Build(GeneratedCommunity community, bool[] consenting, ulong seed, CircleSimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(consenting);
        ArgumentNullException.ThrowIfNull(settings);
        var people = community.PersonCount;
        var graph = ConsentFiltered(community, consenting);

        // Streams of our own, apart from the generator's and the demo's, forked in a fixed order.
        var random = new SeededRandom(seed ^ 0xC1AC_1E51_0000_0000UL);
        var helperRandom = random.Fork();
        var requestRandom = random.Fork();

        // Helpers: exactly 3% of adults (a partial shuffle), a third of them vetted for home visits.
        var adults = Enumerable.Range(0, people).Where(p => community.Ages[p] >= 18).ToArray();
        var helperCount = (int)Math.Round(adults.Length * settings.HelperShareOfAdults);
        for (var i = 0; i < helperCount; i++)
        {
            var j = i + helperRandom.NextInt(adults.Length - i);
            (adults[i], adults[j]) = (adults[j], adults[i]);
        }
        var helperPerson = adults[..helperCount];
        Array.Sort(helperPerson);
        var vettedCount = (int)Math.Round(helperCount * settings.VettedShareOfHelpers);
        var order = Enumerable.Range(0, helperCount).ToArray();
        helperRandom.Shuffle(order.AsSpan());
        var helperVetted = new bool[helperCount];
        foreach (var h in order.AsSpan(0, vettedCount))
        {
            helperVetted[h] = true;
        }
        var helperMaxKm = new double[helperCount];
        var helperSkills = new int[helperCount];
        var helperReliability = new double[helperCount];
        for (var h = 0; h < helperCount; h++)
        {
            helperMaxKm[h] = settings.MaxDistanceChoicesKm[helperRandom.NextInt(settings.MaxDistanceChoicesKm.Count)];
            for (var c = 0; c < settings.Categories; c++)
            {
                if (helperRandom.NextBool(settings.SkillProbability))
                {
                    helperSkills[h] |= 1 << c;
                }
            }
            if (helperSkills[h] == 0)
            {
                helperSkills[h] = 1 << helperRandom.NextInt(settings.Categories);
            }
            helperReliability[h] = settings.MinReliability + ((1 - settings.MinReliability) * helperRandom.NextDouble());
        }

        // Requests: each week each resident asks with the weekly probability; the month's last, shorter week scaled down.
        var requests = new List<SimulatedRequest>();
        for (var weekStart = 0; weekStart < settings.Days; weekStart += 7)
        {
            var weekDays = Math.Min(7, settings.Days - weekStart);
            for (var p = 0; p < people; p++)
            {
                var old = community.Ages[p] >= 75;
                var weekly = old ? settings.WeeklyRequestShareAged75Plus : settings.WeeklyRequestShareOthers;
                if (!requestRandom.NextBool(weekly * weekDays / 7))
                {
                    continue;
                }
                var arrival = (weekStart + (weekDays * requestRandom.NextDouble())) * 24;
                var deadline = arrival + ((settings.MinDeadlineDays + ((settings.MaxDeadlineDays - settings.MinDeadlineDays) * requestRandom.NextDouble())) * 24);
                var category = requestRandom.NextInt(settings.Categories);
                var hasTies = graph.Graph.Degree(ResidentId(p)) > 0;
                var homeVisit = requestRandom.NextBool(old ? settings.HomeVisitShareAged75Plus : settings.HomeVisitShareOthers);
                requests.Add(new SimulatedRequest(0, p, arrival, deadline, category, homeVisit, hasTies, old));
            }
        }
        var ordered = requests.OrderBy(r => r.ArrivalHours).ThenBy(r => r.RequesterPerson)
            .Select((r, i) => r with { Index = i }).ToList();
        return new CircleSimulationWorld(settings, seed, community, graph, helperPerson, helperVetted, helperMaxKm, helperSkills, helperReliability, ordered);
    }

    /// <summary>
    /// The platform's consented graph of the community: ties where both people consent, node id == resident id
    /// (person + 1); <paramref name="consenting"/> is indexed by person.
    /// </summary>
    internal static ConsentedGraph ConsentFiltered(GeneratedCommunity community, bool[] consenting)
    {
        if (consenting.Length != community.PersonCount)
        {
            throw new ArgumentException($"Consent is given for {consenting.Length} people but the community has {community.PersonCount}.", nameof(consenting));
        }
        var byResidentId = new bool[community.PersonCount + 1];
        consenting.CopyTo(byResidentId, 1);
        var ties = Enumerable.Range(0, community.TieCount).Select(i => (ResidentId(community.TieU[i]), ResidentId(community.TieV[i])));
        return ConsentedGraph.Build(ConsentPurpose.FindHelpThroughMyNetwork, version: 0, byResidentId, ties);
    }

    /// <summary>The helpers offering the kind of help asked for, within the distance they will go, with their network distance (1..3) if any.</summary>
    public ReachableHelper[] Reachable(SimulatedRequest request, BoundedBfs bfs, int[] helperOfPerson)
    {
        var networkDistance = new Dictionary<int, int>();
        var search = bfs.Run(ResidentId(request.RequesterPerson), 3);
        for (var i = 1; i < search.Count; i++)
        {
            var helper = helperOfPerson[search.Nodes[i] - 1];
            if (helper >= 0)
            {
                networkDistance[helper] = search.Depths[i];
            }
        }
        var household = Community.PersonHousehold[request.RequesterPerson];
        var latitude = Community.HouseholdLatitudes[household];
        var longitude = Community.HouseholdLongitudes[household];
        var reachable = new List<ReachableHelper>();
        for (var h = 0; h < HelperCount; h++)
        {
            if (HelperPerson[h] == request.RequesterPerson)
            {
                continue;
            }
            var helperHousehold = Community.PersonHousehold[HelperPerson[h]];
            var km = Distances.Kilometres(latitude, longitude, Community.HouseholdLatitudes[helperHousehold], Community.HouseholdLongitudes[helperHousehold]);
            // As the platform reads helpers: only those offering this kind of help, within the distance they will go.
            if (km <= HelperMaxKm[h] && (HelperSkills[h] & (1 << request.Category)) != 0)
            {
                reachable.Add(new ReachableHelper(h, km, networkDistance.TryGetValue(h, out var steps) ? steps : null));
            }
        }
        return [.. reachable];
    }

    /// <summary>Helper index per person, −1 for people who are not helpers.</summary>
    public int[] HelperOfPerson()
    {
        var helperOf = new int[Community.PersonCount];
        Array.Fill(helperOf, -1);
        for (var h = 0; h < HelperCount; h++)
        {
            helperOf[HelperPerson[h]] = h;
        }
        return helperOf;
    }
}
