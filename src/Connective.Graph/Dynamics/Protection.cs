using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>How <see cref="Protection.Choose"/> picks the people to protect.</summary>
public enum ProtectionMethod
{
    /// <summary>The k nodes of highest degree.</summary>
    HighDegree,

    /// <summary>Acquaintance immunisation (Cohen, Havlin and ben-Avraham 2003): random neighbours of random people, needing no map of the network.</summary>
    Acquaintance,

    /// <summary>
    /// Greedy on sampled outbreaks: in each of a fixed set of sampled live-edge worlds with random starting nodes, protect in
    /// turn the candidate whose removal most reduces the mean number reached.
    /// </summary>
    Greedy,
}

/// <summary>Settings for <see cref="Protection.Choose"/>: the harmful spread is an independent cascade (or SIR with transmissibility T).</summary>
/// <param name="K">How many people to protect.</param>
/// <param name="Probability">The per-edge transmission probability (for SIR, the transmissibility T = β / (β + γ)).</param>
/// <param name="InitialCount">How many random people start each sampled outbreak.</param>
/// <param name="Worlds">How many sampled outbreaks (live-edge worlds with their own starting nodes) the greedy method averages over.</param>
/// <param name="Candidates">The greedy method considers only this many candidates: the nodes most often reached in the samples.</param>
/// <param name="Seed">Seed for every random draw.</param>
public sealed record ProtectionOptions(int K, double Probability = 0.1, int InitialCount = 1, int Worlds = 200, int Candidates = 100, ulong Seed = 1);

/// <summary>The people chosen for protection, in order, with the sampled mean outbreak size after each (greedy only).</summary>
/// <param name="Method">How they were chosen.</param>
/// <param name="Protected">The nodes, in the order chosen.</param>
/// <param name="MeanReachedAfter">Greedy: the mean number reached in the sampled outbreaks after protecting the first i + 1; empty otherwise.</param>
/// <param name="MeanReachedBefore">Greedy: that mean before protecting anyone; NaN otherwise.</param>
public sealed record ProtectionResult(ProtectionMethod Method, int[] Protected, double[] MeanReachedAfter, double MeanReachedBefore);

/// <summary>Immunisation and protection: whom to protect so that a harmful behaviour spreads less.</summary>
/// <remarks>
/// Blocking is not submodular in general, so the greedy method carries no approximation guarantee; it is an honest local
/// search on the sampled outbreaks. Check any choice with <see cref="Spread.Simulate"/> and <see cref="FixedNodeState.Immune"/>.
/// </remarks>
public static class Protection
{
    /// <summary>Chooses <see cref="ProtectionOptions.K"/> people to protect.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public static ProtectionResult Choose(CsrGraph graph, ProtectionMethod method, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var n = graph.NodeCount;
        if (options.K < 1 || options.K > n)
        {
            throw new ArgumentException($"k must lie between 1 and the number of nodes ({n}).", nameof(options));
        }
        if (!(options.Probability >= 0 && options.Probability <= 1) || options.Worlds < 1 || options.Candidates < 1 || options.InitialCount < 1)
        {
            throw new ArgumentException("The probability must lie in [0, 1] and worlds, candidates and initial count be positive.", nameof(options));
        }
        return method switch
        {
            ProtectionMethod.HighDegree => new(method, Seeding.HighestDegree(graph, options.K), [], double.NaN),
            ProtectionMethod.Acquaintance => new(method, Seeding.NominatedFriends(graph, options.K, new SeededRandom(options.Seed)), [], double.NaN),
            ProtectionMethod.Greedy => Greedy(graph, options),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static ProtectionResult Greedy(CsrGraph graph, ProtectionOptions options)
    {
        var n = graph.NodeCount;
        var worlds = new World[options.Worlds];
        var entries = graph.Targets.Length;
        for (var w = 0; w < worlds.Length; w++)
        {
            var random = new SeededRandom(TaskSeeds.For(options.Seed, w));
            var live = new bool[entries];
            for (var e = 0; e < entries; e++)
            {
                live[e] = random.NextDouble() < options.Probability;
            }
            var sources = new int[options.InitialCount];
            for (var i = 0; i < sources.Length; i++)
            {
                sources[i] = random.NextInt(n);
            }
            worlds[w] = new World(live, sources);
        }
        var blocked = new bool[n];
        var chosen = new List<int>();
        var after = new List<double>();
        var walker = new Walker(n);
        var current = Total(graph, worlds, blocked, walker, -1, out var hits);
        var before = (double)current / worlds.Length;
        for (var round = 0; round < options.K; round++)
        {
            // Candidates: nodes reached most often under the current protection (ties to the smaller id).
            var candidates = Enumerable.Range(0, n).Where(v => !blocked[v] && hits[v] > 0)
                .OrderByDescending(v => hits[v]).ThenBy(v => v).Take(options.Candidates).ToArray();
            if (candidates.Length == 0)
            {
                break;
            }
            var totals = new long[candidates.Length];
            ParallelWork.ForChunks(candidates.Length, 1, () => new Walker(n), (start, end, scratch) =>
            {
                for (var c = start; c < end; c++)
                {
                    totals[c] = Total(graph, worlds, blocked, scratch, candidates[c], out _);
                }
            });
            var best = 0;
            for (var c = 1; c < candidates.Length; c++)
            {
                if (totals[c] < totals[best])
                {
                    best = c;
                }
            }
            blocked[candidates[best]] = true;
            chosen.Add(candidates[best]);
            current = Total(graph, worlds, blocked, walker, -1, out hits);
            after.Add((double)current / worlds.Length);
        }
        return new ProtectionResult(ProtectionMethod.Greedy, [.. chosen], [.. after], before);
    }

    private sealed record World(bool[] Live, int[] Sources);

    private sealed class Walker(int n)
    {
        public int[] Visited { get; } = new int[n];

        public List<int> Queue { get; } = [];

        public int Stamp { get; set; }
    }

    /// <summary>The total number reached over all worlds with <paramref name="blocked"/> and <paramref name="extra"/> protected; also how often each node was reached.</summary>
    private static long Total(CsrGraph graph, World[] worlds, bool[] blocked, Walker walker, int extra, out int[] hits)
    {
        var counts = extra < 0 ? new int[graph.NodeCount] : [];
        long total = 0;
        foreach (var world in worlds)
        {
            var stamp = ++walker.Stamp;
            var queue = walker.Queue;
            queue.Clear();
            foreach (var s in world.Sources)
            {
                if (!blocked[s] && s != extra && walker.Visited[s] != stamp)
                {
                    walker.Visited[s] = stamp;
                    queue.Add(s);
                }
            }
            for (var head = 0; head < queue.Count; head++)
            {
                var v = queue[head];
                for (var e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
                {
                    var u = graph.Targets[e];
                    if (world.Live[e] && walker.Visited[u] != stamp && !blocked[u] && u != extra)
                    {
                        walker.Visited[u] = stamp;
                        queue.Add(u);
                    }
                }
            }
            total += queue.Count;
            if (extra < 0)
            {
                foreach (var v in queue)
                {
                    counts[v]++;
                }
            }
        }
        hits = counts;
        return total;
    }
}
