using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>
/// CELF greedy (Leskovec et al. 2007, "Cost-effective outbreak detection in networks"): the greedy algorithm of Kempe,
/// Kleinberg and Tardos with lazy re-evaluation of marginal gains, on a fixed sample of live-edge worlds (each arc live
/// with its probability, drawn once). The spread of a set is its mean reach over the worlds, a monotone submodular function,
/// so the lazy greedy is exact for it and (1 − 1/e)-optimal for the sampled objective; how close that is to the true
/// expected spread depends on the number of worlds.
/// </summary>
internal static class Celf
{
    public static SeedingResult Run(CsrGraph graph, SeedingOptions options)
    {
        var n = graph.NodeCount;
        var worlds = options.Worlds;
        if (worlds < 1)
        {
            throw new ArgumentException("CELF needs at least one world.", nameof(options));
        }
        var entries = graph.Targets.Length;
        if ((long)worlds * ((entries / 8) + n) > 4L << 30)
        {
            throw new ArgumentException($"CELF with {worlds} worlds on this graph would need more than 4 GiB; use IMM or fewer worlds.", nameof(options));
        }
        var live = new ulong[worlds][];
        ParallelWork.ForChunks(worlds, 1, () => 0, (start, end, _) =>
        {
            for (var w = start; w < end; w++)
            {
                var random = new SeededRandom(TaskSeeds.For(options.Seed, w));
                var bits = new ulong[(entries + 63) / 64];
                for (var e = 0; e < entries; e++)
                {
                    var p = options.EdgeProbabilities is { } edges ? edges[e] : options.Probability;
                    if (random.NextDouble() < p)
                    {
                        bits[e >> 6] |= 1UL << (e & 63);
                    }
                }
                live[w] = bits;
            }
        });
        var covered = new bool[worlds][];
        for (var w = 0; w < worlds; w++)
        {
            covered[w] = new bool[n];
        }
        var gains = new long[n];
        ParallelWork.ForChunks(n, 256, () => new Walker(n), (start, end, walker) =>
        {
            for (var v = start; v < end; v++)
            {
                gains[v] = walker.Gain(graph, live, covered, v, mark: false);
            }
        });
        // Max-heap on (gain, then smaller id) through a min-heap on the negation; 'round' is when the gain was last computed.
        var heap = new PriorityQueue<(int Node, int Round), (long NegativeGain, int Node)>();
        for (var v = 0; v < n; v++)
        {
            heap.Enqueue((v, 0), (-gains[v], v));
        }
        var seeds = new List<int>();
        var seedGains = new List<double>();
        var total = 0L;
        var scratch = new Walker(n);
        while (seeds.Count < options.K && heap.TryDequeue(out var top, out var priority))
        {
            if (top.Round == seeds.Count)
            {
                seeds.Add(top.Node);
                seedGains.Add((double)-priority.NegativeGain / worlds);
                total += -priority.NegativeGain;
                scratch.Gain(graph, live, covered, top.Node, mark: true);
                continue;
            }
            var gain = scratch.Gain(graph, live, covered, top.Node, mark: false);
            heap.Enqueue((top.Node, seeds.Count), (-gain, top.Node));
        }
        return new SeedingResult(SeedingMethod.Celf, [.. seeds], [.. seedGains], (double)total / worlds, worlds);
    }

    /// <summary>Breadth-first search over live arcs, per world, counting nodes not yet covered by the chosen seeds.</summary>
    private sealed class Walker(int n)
    {
        private readonly int[] _visited = new int[n];
        private readonly List<int> _queue = [];
        private int _stamp;

        /// <summary>The total, over worlds, of nodes <paramref name="source"/> newly reaches; with <paramref name="mark"/>, marks them covered.</summary>
        public long Gain(CsrGraph graph, ulong[][] live, bool[][] covered, int source, bool mark)
        {
            var offsets = graph.Offsets;
            var targets = graph.Targets;
            long total = 0;
            for (var w = 0; w < live.Length; w++)
            {
                var bits = live[w];
                var done = covered[w];
                if (done[source])
                {
                    continue;
                }
                var stamp = ++_stamp;
                _queue.Clear();
                _queue.Add(source);
                _visited[source] = stamp;
                for (var head = 0; head < _queue.Count; head++)
                {
                    var v = _queue[head];
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        var u = targets[e];
                        if (_visited[u] != stamp && !done[u] && (bits[e >> 6] & (1UL << (e & 63))) != 0)
                        {
                            _visited[u] = stamp;
                            _queue.Add(u);
                        }
                    }
                }
                total += _queue.Count;
                if (mark)
                {
                    foreach (var v in _queue)
                    {
                        done[v] = true;
                    }
                }
            }
            return total;
        }
    }
}
