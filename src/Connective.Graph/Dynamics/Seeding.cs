using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>How <see cref="Seeding"/> chooses the people to start a spread from.</summary>
public enum SeedingMethod
{
    /// <summary>IMM, reverse-influence sampling with a (1 − 1/e − ε) guarantee (Tang, Shi and Xiao 2015).</summary>
    Imm,

    /// <summary>Greedy hill-climbing with lazy re-evaluation (CELF; Leskovec et al. 2007) on a fixed sample of live-edge worlds.</summary>
    Celf,

    /// <summary>The k nodes of highest degree (out-degree when directed), ties to the smaller id.</summary>
    HighDegree,

    /// <summary>k distinct nodes drawn uniformly at random.</summary>
    Random,

    /// <summary>
    /// Friend nomination: draw a random person and seed a random friend of theirs, until k distinct seeds (the "one-hop"
    /// targeting of Kim et al. 2015, which reaches better-connected people without knowing the network).
    /// </summary>
    FriendNomination,
}

/// <summary>Settings for <see cref="Seeding.Choose"/>; the spread is the independent cascade with these edge probabilities.</summary>
/// <param name="K">How many seeds.</param>
/// <param name="Probability">The activation probability of every edge (when <paramref name="EdgeProbabilities"/> is null).</param>
/// <param name="EdgeProbabilities">Optional per-edge probabilities in adjacency order (see <see cref="SpreadOptions"/>).</param>
/// <param name="Epsilon">IMM's ε in (0, 1): the guarantee is (1 − 1/e − ε).</param>
/// <param name="Ell">IMM's ℓ: the guarantee holds with probability at least 1 − n^−ℓ.</param>
/// <param name="Worlds">CELF: how many sampled live-edge worlds the spread is averaged over.</param>
/// <param name="Seed">Seed for every random draw.</param>
public sealed record SeedingOptions(
    int K,
    double Probability = 0.01,
    double[]? EdgeProbabilities = null,
    double Epsilon = 0.1,
    double Ell = 1,
    int Worlds = 200,
    ulong Seed = 1);

/// <summary>The chosen seeds, in the order chosen.</summary>
/// <param name="Method">How they were chosen.</param>
/// <param name="Seeds">The seed nodes, in the order chosen.</param>
/// <param name="Gains">
/// For IMM and CELF, the estimated increase of the expected spread each seed added when it was chosen (the method's own
/// estimate, from the samples it chose with); empty for the baselines.
/// </param>
/// <param name="EstimatedSpread">The method's own estimate of the expected spread (NaN for the baselines): evaluate with <see cref="Seeding.EvaluateSpread"/> for an independent figure.</param>
/// <param name="Samples">IMM: the number of reverse-reachable sets in the final selection; CELF: the number of worlds; 0 otherwise.</param>
public sealed record SeedingResult(SeedingMethod Method, int[] Seeds, double[] Gains, double EstimatedSpread, long Samples);

/// <summary>Choosing seeds for a spread under the independent cascade, and estimating their expected spread.</summary>
public static class Seeding
{
    /// <summary>Chooses <see cref="SeedingOptions.K"/> seeds by <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException">When k is not between 1 and the number of nodes, or a probability is out of range.</exception>
    public static SeedingResult Choose(CsrGraph graph, SeedingMethod method, SeedingOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var n = graph.NodeCount;
        if (options.K < 1 || options.K > n)
        {
            throw new ArgumentException($"k must lie between 1 and the number of nodes ({n}); it is {options.K}.", nameof(options));
        }
        if (!(options.Probability >= 0 && options.Probability <= 1))
        {
            throw new ArgumentException("The edge probability must lie in [0, 1].", nameof(options));
        }
        if (options.EdgeProbabilities is { } edges)
        {
            if (edges.Length != graph.Targets.Length)
            {
                throw new ArgumentException($"EdgeProbabilities has {edges.Length} values but the graph has {graph.Targets.Length} adjacency entries.", nameof(options));
            }
            if (edges.Any(p => !(p >= 0 && p <= 1)))
            {
                throw new ArgumentException("Every edge probability must lie in [0, 1].", nameof(options));
            }
        }
        return method switch
        {
            SeedingMethod.Imm => Imm.Run(graph, options),
            SeedingMethod.Celf => Celf.Run(graph, options),
            SeedingMethod.HighDegree => Baseline(method, HighestDegree(graph, options.K)),
            SeedingMethod.Random => Baseline(method, RandomNodes(n, options.K, new SeededRandom(options.Seed))),
            SeedingMethod.FriendNomination => Baseline(method, NominatedFriends(graph, options.K, new SeededRandom(options.Seed))),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    /// <summary>
    /// An independent Monte Carlo estimate of the expected independent-cascade spread of <paramref name="seeds"/> (seeds
    /// included), with its 95% interval, from <paramref name="runs"/> runs of <see cref="Spread"/>.
    /// </summary>
    public static Estimate EvaluateSpread(CsrGraph graph, int[] seeds, SeedingOptions options, int runs = 10_000, ulong seed = 12_345)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Spread.Simulate(graph, new SpreadOptions
        {
            Model = SpreadModel.IndependentCascade,
            Transmission = options.Probability,
            EdgeTransmission = options.EdgeProbabilities,
            InitialNodes = seeds,
            Runs = runs,
            TimePoints = 2,
            MaxSteps = int.MaxValue,
            Seed = seed,
        }).FinalSize;
    }

    private static SeedingResult Baseline(SeedingMethod method, int[] seeds) => new(method, seeds, [], double.NaN, 0);

    internal static int[] HighestDegree(CsrGraph graph, int k)
    {
        var nodes = Enumerable.Range(0, graph.NodeCount).ToArray();
        Array.Sort(nodes, (a, b) => graph.Degree(b) != graph.Degree(a) ? graph.Degree(b).CompareTo(graph.Degree(a)) : a.CompareTo(b));
        return nodes[..k];
    }

    private static int[] RandomNodes(int n, int k, SeededRandom random)
    {
        var chosen = new List<int>(k);
        var seen = new HashSet<int>();
        while (chosen.Count < k)
        {
            var v = random.NextInt(n);
            if (seen.Add(v))
            {
                chosen.Add(v);
            }
        }
        return [.. chosen];
    }

    internal static int[] NominatedFriends(CsrGraph graph, int k, SeededRandom random)
    {
        var n = graph.NodeCount;
        var chosen = new List<int>(k);
        var seen = new HashSet<int>();
        // Nominations repeat as the pool of friends runs out; after many fruitless draws fill up with random people, as a field team would.
        var attempts = 0L;
        while (chosen.Count < k && attempts < 100L * k + (10L * n))
        {
            attempts++;
            var person = random.NextInt(n);
            var friends = graph.Neighbors(person);
            if (friends.Length == 0)
            {
                continue;
            }
            var friend = friends[random.NextInt(friends.Length)];
            if (seen.Add(friend))
            {
                chosen.Add(friend);
            }
        }
        foreach (var v in RandomNodes(n, n == k ? n : Math.Min(n, 2 * k), random))
        {
            if (chosen.Count < k && seen.Add(v))
            {
                chosen.Add(v);
            }
        }
        for (var v = 0; chosen.Count < k; v++)
        {
            if (seen.Add(v))
            {
                chosen.Add(v);
            }
        }
        return [.. chosen];
    }

    /// <summary>Probabilities of the arcs aligned with the in-adjacency (InTargets), for reverse traversals; null when uniform.</summary>
    internal static double[]? InEdgeProbabilities(CsrGraph graph, double[]? outProbabilities)
    {
        if (outProbabilities is null)
        {
            return null;
        }
        // Visiting sources in ascending order fills each in-row in ascending source order, the order it is sorted in.
        var inProbabilities = new double[graph.InTargets.Length];
        var cursor = (int[])graph.InOffsets.Clone();
        for (var u = 0; u < graph.NodeCount; u++)
        {
            for (var e = graph.Offsets[u]; e < graph.Offsets[u + 1]; e++)
            {
                inProbabilities[cursor[graph.Targets[e]]++] = outProbabilities[e];
            }
        }
        return inProbabilities;
    }
}
