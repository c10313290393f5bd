using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>
/// IMM (Tang, Shi and Xiao 2015, "Influence maximization in near-linear time: a martingale approach", SIGMOD): sample
/// random reverse-reachable (RR) sets until their number is enough for a (1 − 1/e − ε)-approximation with probability
/// at least 1 − n^−ℓ, then choose seeds by greedy maximum coverage of the sets.
/// </summary>
/// <remarks>
/// Following Chen (2018, "An issue in the martingale analysis of the influence maximization algorithm IMM"), the sets used
/// for the final selection are sampled afresh, independently of those used to bound OPT from below, which restores the
/// guarantee the original analysis claimed. RR sets are sampled in fixed-size chunks, chunk c from its own generator
/// derived from (seed, phase, c), so the sets, and the seeds, do not depend on the number of workers.
/// </remarks>
internal static class Imm
{
    private const int ChunkSize = 4096;

    public static SeedingResult Run(CsrGraph graph, SeedingOptions options)
    {
        var n = graph.NodeCount;
        var k = options.K;
        var epsilon = options.Epsilon;
        if (!(epsilon > 0 && epsilon < 1))
        {
            throw new ArgumentException("IMM's epsilon must lie in (0, 1).", nameof(options));
        }
        if (!(options.Ell > 0))
        {
            throw new ArgumentException("IMM's ell must be positive.", nameof(options));
        }
        var sampler = new RrSampler(graph, options.Probability, Seeding.InEdgeProbabilities(graph, options.EdgeProbabilities));
        var logN = Math.Log(Math.Max(n, 2));
        // ℓ is raised so the two phases' failure probabilities together stay below n^−ℓ (Tang et al., section 3.2).
        var ell = options.Ell * (1 + (Math.Log(2) / logN));
        var logBinomial = LogBinomial(n, k);
        var epsilonPrime = Math.Sqrt(2) * epsilon;
        var lambdaPrime = (2 + (2.0 / 3 * epsilonPrime)) * (logBinomial + (ell * logN) + Math.Log(Math.Max(1, Math.Log2(n)))) * n / (epsilonPrime * epsilonPrime);
        var lowerBound = 1.0;
        var estimation = new RrSets(sampler, TaskSeeds.For(options.Seed, 1));
        for (var i = 1; i < Math.Log2(n); i++)
        {
            var x = n / Math.Pow(2, i);
            estimation.GrowTo((long)Math.Ceiling(lambdaPrime / x));
            var (_, covered, _) = estimation.GreedyCover(n, k);
            var spread = (double)n * covered / estimation.Count;
            if (spread >= (1 + epsilonPrime) * x)
            {
                lowerBound = spread / (1 + epsilonPrime);
                break;
            }
        }
        var alpha = Math.Sqrt((ell * logN) + Math.Log(2));
        var beta = Math.Sqrt((1 - (1 / Math.E)) * (logBinomial + (ell * logN) + Math.Log(2)));
        var lambdaStar = 2 * n * Math.Pow(((1 - (1 / Math.E)) * alpha) + beta, 2) / (epsilon * epsilon);
        var theta = (long)Math.Ceiling(lambdaStar / lowerBound);
        var selection = new RrSets(sampler, TaskSeeds.For(options.Seed, 2));
        selection.GrowTo(theta);
        var (seeds, totalCovered, gains) = selection.GreedyCover(n, k);
        var scale = (double)n / selection.Count;
        return new SeedingResult(SeedingMethod.Imm, seeds, Array.ConvertAll(gains, g => g * scale), totalCovered * scale, selection.Count);
    }

    /// <summary>ln C(n, k), summed term by term (k is small next to n in practice).</summary>
    internal static double LogBinomial(int n, int k)
    {
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += Math.Log(n - i) - Math.Log(i + 1);
        }
        return sum;
    }

    /// <summary>Samples one reverse-reachable set: the nodes that reach a uniform random node in a random live-edge world.</summary>
    internal sealed class RrSampler(CsrGraph graph, double probability, double[]? inProbabilities)
    {
        public CsrGraph Graph { get; } = graph;

        /// <summary>Appends one RR set to <paramref name="output"/> and returns its size.</summary>
        public int Sample(SeededRandom random, Scratch scratch, List<int> output)
        {
            var inOffsets = Graph.InOffsets;
            var inTargets = Graph.InTargets;
            var stamp = ++scratch.Generation;
            var visited = scratch.Visited;
            var queue = scratch.Queue;
            queue.Clear();
            var root = random.NextInt(Graph.NodeCount);
            visited[root] = stamp;
            queue.Add(root);
            for (var head = 0; head < queue.Count; head++)
            {
                var v = queue[head];
                for (var e = inOffsets[v]; e < inOffsets[v + 1]; e++)
                {
                    var u = inTargets[e];
                    if (visited[u] == stamp)
                    {
                        continue;
                    }
                    var p = inProbabilities is null ? probability : inProbabilities[e];
                    if (random.NextDouble() < p)
                    {
                        visited[u] = stamp;
                        queue.Add(u);
                    }
                }
            }
            output.AddRange(queue);
            return queue.Count;
        }
    }

    internal sealed class Scratch(int n)
    {
        public int[] Visited { get; } = new int[n];

        public List<int> Queue { get; } = [];

        public int Generation { get; set; }
    }

    /// <summary>A growing collection of RR sets, stored as chunks of concatenated nodes with set lengths.</summary>
    internal sealed class RrSets(RrSampler sampler, ulong seed)
    {
        private readonly List<(int[] Nodes, int[] Lengths)> _chunks = [];

        public long Count { get; private set; }

        /// <summary>Samples whole chunks until there are at least <paramref name="target"/> sets.</summary>
        public void GrowTo(long target)
        {
            var needed = (int)Math.Min(int.MaxValue, (target - Count + ChunkSize - 1) / ChunkSize);
            if (needed <= 0)
            {
                return;
            }
            var first = _chunks.Count;
            var fresh = new (int[] Nodes, int[] Lengths)[needed];
            var n = sampler.Graph.NodeCount;
            ParallelWork.ForChunks(needed, 1, () => new Scratch(n), (start, end, scratch) =>
            {
                var nodes = new List<int>();
                for (var c = start; c < end; c++)
                {
                    nodes.Clear();
                    var random = new SeededRandom(TaskSeeds.For(seed, first + c));
                    var lengths = new int[ChunkSize];
                    for (var s = 0; s < ChunkSize; s++)
                    {
                        lengths[s] = sampler.Sample(random, scratch, nodes);
                    }
                    fresh[c] = ([.. nodes], lengths);
                }
            });
            _chunks.AddRange(fresh);
            Count += (long)needed * ChunkSize;
        }

        /// <summary>
        /// Greedy maximum coverage: k times, the node in the most not-yet-covered sets (ties to the smaller id). Returns the
        /// seeds, the number of sets they cover and each seed's number of newly covered sets.
        /// </summary>
        public (int[] Seeds, long Covered, double[] Gains) GreedyCover(int n, int k)
        {
            // Node → sets index (CSR), counted then filled in set order.
            var setCount = checked((int)Count);
            var setStarts = new long[setCount + 1];
            var index = 0;
            foreach (var (_, lengths) in _chunks)
            {
                foreach (var length in lengths)
                {
                    setStarts[index + 1] = setStarts[index] + length;
                    index++;
                }
            }
            var memberships = new long[n + 1];
            foreach (var (nodes, _) in _chunks)
            {
                foreach (var v in nodes)
                {
                    memberships[v + 1]++;
                }
            }
            for (var v = 0; v < n; v++)
            {
                memberships[v + 1] += memberships[v];
            }
            var setsOf = new int[checked((int)memberships[n])];
            var cursor = (long[])memberships.Clone();
            var allNodes = new int[setStarts[setCount]];
            long offset = 0;
            var set = 0;
            foreach (var (nodes, lengths) in _chunks)
            {
                Array.Copy(nodes, 0, allNodes, offset, nodes.Length);
                var position = 0;
                foreach (var length in lengths)
                {
                    for (var i = 0; i < length; i++)
                    {
                        setsOf[cursor[nodes[position + i]]++] = set;
                    }
                    position += length;
                    set++;
                }
                offset += nodes.Length;
            }
            var count = new long[n];
            for (var v = 0; v < n; v++)
            {
                count[v] = memberships[v + 1] - memberships[v];
            }
            var covered = new bool[setCount];
            var seeds = new int[k];
            var gains = new double[k];
            long total = 0;
            for (var i = 0; i < k; i++)
            {
                var best = -1;
                for (var v = 0; v < n; v++)
                {
                    if (count[v] >= 0 && (best < 0 || count[v] > count[best]))
                    {
                        best = v;
                    }
                }
                seeds[i] = best;
                gains[i] = count[best];
                total += count[best];
                count[best] = -1;
                for (var m = memberships[best]; m < memberships[best + 1]; m++)
                {
                    var s = setsOf[m];
                    if (covered[s])
                    {
                        continue;
                    }
                    covered[s] = true;
                    for (var j = setStarts[s]; j < setStarts[s + 1]; j++)
                    {
                        var u = allNodes[j];
                        if (count[u] > 0)
                        {
                            count[u]--;
                        }
                    }
                }
            }
            return (seeds, total, gains);
        }
    }
}
