using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>
/// Reach within k steps: the number of nodes at distance 1..k from a node, the node itself excluded
/// (igraph's <c>neighborhood_size(order=k) − 1</c>); out-reach on directed graphs.
/// </summary>
public static class Reach
{
    /// <summary>Exact reach within one step of every node: its distinct out-neighbours other than itself.</summary>
    public static int[] WithinOne(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var reach = new int[n];
        ParallelWork.ForRanges(n, graph.Offsets[n], (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                // Rows are sorted: distinct entries are those differing from their predecessor.
                var row = graph.Neighbors(u);
                var count = 0;
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] != u && (i == 0 || row[i] != row[i - 1]))
                    {
                        count++;
                    }
                }
                reach[u] = count;
            }
        });
        return reach;
    }

    /// <summary>Exact reach within two steps of every node, in parallel (work grows with the sum of squared degrees).</summary>
    public static int[] WithinTwo(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var reach = new int[n];
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        ParallelWork.ForChunks(n, 256, () => new int[n], (start, end, mark) =>
        {
            for (var u = start; u < end; u++)
            {
                // Stamps u + 1 are unique per source, so the mark array never needs clearing.
                var stamp = u + 1;
                mark[u] = stamp;
                var count = 0;
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var v = targets[e];
                    if (mark[v] != stamp)
                    {
                        mark[v] = stamp;
                        count++;
                    }
                }
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var v = targets[e];
                    for (var f = offsets[v]; f < offsets[v + 1]; f++)
                    {
                        var w = targets[f];
                        if (mark[w] != stamp)
                        {
                            mark[w] = stamp;
                            count++;
                        }
                    }
                }
                reach[u] = count;
            }
        });
        return reach;
    }

    /// <summary>
    /// Exact reach within <paramref name="maxSteps"/> steps of each of <paramref name="sources"/>, in parallel over
    /// sources. On graphs of up to <see cref="BatchSearch.MaxNodes"/> nodes, breadth-first searches run 64 at a time,
    /// one bit per source in a 64-bit word per node (Then et al.'s multi-source BFS), so one pass over the edges advances
    /// 64 searches whose balls overlap. On larger graphs those words no longer stay in cache, and each source gets its
    /// own direction-optimising search over bitsets (large levels expanded bottom-up, Beamer et al.).
    /// </summary>
    /// <returns>One count per entry of <paramref name="sources"/>, in the same order.</returns>
    public static long[] Within(CsrGraph graph, ReadOnlySpan<int> sources, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        foreach (var s in sources)
        {
            if ((uint)s >= (uint)graph.NodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(sources), s, "Every source must be a node of the graph.");
            }
        }
        var sourceArray = sources.ToArray();
        var reach = new long[sourceArray.Length];
        if (graph.NodeCount > BatchSearch.MaxNodes)
        {
            // One source per chunk, but on one core ForChunks hands the whole range to a single call.
            ParallelWork.ForChunks(sourceArray.Length, 1, () => new LevelSearch(graph), (start, end, search) =>
            {
                for (var i = start; i < end; i++)
                {
                    reach[i] = search.CountWithin(sourceArray[i], maxSteps);
                }
            });
            return reach;
        }
        var searches = new List<BatchSearch>();
        ParallelWork.ForChunks(sourceArray.Length, BatchSearch.Width, () =>
        {
            var search = new BatchSearch(graph);
            lock (searches)
            {
                searches.Add(search);
            }
            return search;
        }, (start, end, search) =>
        {
            for (var batch = start; batch < end; batch += BatchSearch.Width)
            {
                var batchEnd = Math.Min(end, batch + BatchSearch.Width);
                search.CountWithin(sourceArray.AsSpan(batch, batchEnd - batch), maxSteps, reach.AsSpan(batch, batchEnd - batch));
            }
        });
        foreach (var search in searches)
        {
            search.Return();
        }
        return reach;
    }

    /// <summary>One worker's scratch for bounded breadth-first searches from up to 64 sources at once.</summary>
    /// <remarks>
    /// Bit j of <c>_visited[v]</c> says source j has reached v; <c>_frontier[v]</c> holds the bits that reached v at the
    /// previous depth. Words are cleared through the lists of nodes that were set, so a batch whose searches stay small
    /// costs what it touches, not n.
    /// </remarks>
    private sealed class BatchSearch
    {
        /// <summary>Sources per batch: one bit each in a 64-bit word.</summary>
        internal const int Width = 64;

        /// <summary>
        /// The largest graph searched in batches: three words per node (24 bytes) must stay within a core's 1 MiB L2.
        /// On the 1M-node Barabási–Albert graph batches took about 1.8 s of CPU for 1,000 sources, single-source bitset
        /// searches about 0.6 s; on as-22july06 (23k nodes) batches took 9 ms, single searches 127 ms.
        /// </summary>
        internal const int MaxNodes = 1 << 16;

        // Pull a depth (scan every node and its in-edges) when pushing the frontier's out-edges would touch more than
        // half as many entries: a push is a read-modify-write per edge, a pull one OR per edge in order (measured on
        // hep-th and as-22july06, 2 beats 1, 3 and 6).
        private const int PullRatio = 2;

        private readonly CsrGraph _graph;
        private readonly ulong[] _visited;
        private ulong[] _frontier;
        private ulong[] _next;
        private int[] _frontierNodes;
        private int[] _nextNodes;
        private readonly int[] _touched;

        /// <summary>Rents the scratch arrays; the bit words start (and are left after every batch) all zero.</summary>
        public BatchSearch(CsrGraph graph)
        {
            _graph = graph;
            var n = _graph.NodeCount;
            _visited = ArrayPool<ulong>.Shared.Rent(n);
            _frontier = ArrayPool<ulong>.Shared.Rent(n);
            _next = ArrayPool<ulong>.Shared.Rent(n);
            Array.Clear(_visited, 0, n);
            Array.Clear(_frontier, 0, n);
            Array.Clear(_next, 0, n);
            _frontierNodes = ArrayPool<int>.Shared.Rent(n);
            _nextNodes = ArrayPool<int>.Shared.Rent(n);
            _touched = ArrayPool<int>.Shared.Rent(n);
        }

        /// <summary>Gives the scratch arrays back to the pool.</summary>
        public void Return()
        {
            ArrayPool<ulong>.Shared.Return(_visited);
            ArrayPool<ulong>.Shared.Return(_frontier);
            ArrayPool<ulong>.Shared.Return(_next);
            ArrayPool<int>.Shared.Return(_frontierNodes);
            ArrayPool<int>.Shared.Return(_nextNodes);
            ArrayPool<int>.Shared.Return(_touched);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void CountWithin(ReadOnlySpan<int> sources, int maxSteps, Span<long> counts)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            long arcs = targets.Length;
            var full = sources.Length == Width ? ulong.MaxValue : (1UL << sources.Length) - 1;
            var touchedCount = 0;
            var frontierCount = 0;
            long frontierArcs = 0;
            for (var j = 0; j < sources.Length; j++)
            {
                var s = sources[j];
                if (_visited[s] == 0)
                {
                    _touched[touchedCount++] = s;
                    _frontierNodes[frontierCount++] = s;
                    frontierArcs += offsets[s + 1] - offsets[s];
                }
                _visited[s] |= 1UL << j;
                _frontier[s] |= 1UL << j;
            }
            for (var depth = 1; depth <= maxSteps && frontierCount > 0; depth++)
            {
                var last = depth == maxSteps;
                var pull = frontierArcs * PullRatio > arcs + _graph.NodeCount;
                var (nextCount, nextArcs) = pull
                    ? Pull(full, last, ref touchedCount)
                    : Push(frontierCount, last, ref touchedCount);
                for (var i = 0; i < frontierCount; i++)
                {
                    _frontier[_frontierNodes[i]] = 0;
                }
                (_frontier, _next) = (_next, _frontier);
                (_frontierNodes, _nextNodes) = (_nextNodes, _frontierNodes);
                frontierCount = nextCount;
                frontierArcs = nextArcs;
            }
            for (var i = 0; i < frontierCount; i++)
            {
                _frontier[_frontierNodes[i]] = 0;
            }
            CountBits(touchedCount, sources.Length, counts);
            for (var i = 0; i < touchedCount; i++)
            {
                _visited[_touched[i]] = 0;
            }
        }

        /// <summary>Top-down: each frontier node hands its bits to its out-neighbours that lack them.</summary>
        /// <remarks>
        /// Whether a neighbour gains anything is a coin toss the branch predictor loses, so the loop has no branch on it:
        /// it stores unconditionally and advances the list ends by 0 or 1.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int NextCount, long NextArcs) Push(int frontierCount, bool last, ref int touchedCount)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var visited = _visited;
            var touched = _touched;
            var next = _next;
            var nextNodes = _nextNodes;
            var nextCount = 0;
            var touchedEnd = touchedCount;
            for (var i = 0; i < frontierCount; i++)
            {
                var u = _frontierNodes[i];
                var bits = _frontier[u];
                var row = targets.AsSpan(offsets[u], offsets[u + 1] - offsets[u]);
                if (last)
                {
                    foreach (var w in row)
                    {
                        var seen = visited[w];
                        visited[w] = seen | bits;
                        touched[touchedEnd] = w;
                        touchedEnd += seen == 0 ? 1 : 0;
                    }
                    continue;
                }
                foreach (var w in row)
                {
                    var seen = visited[w];
                    var add = bits & ~seen;
                    visited[w] = seen | add;
                    touched[touchedEnd] = w;
                    touchedEnd += seen == 0 ? 1 : 0;
                    var queued = next[w];
                    next[w] = queued | add;
                    nextNodes[nextCount] = w;
                    nextCount += queued == 0 && add != 0 ? 1 : 0;
                }
            }
            touchedCount = touchedEnd;
            long nextArcs = 0;
            for (var i = 0; i < nextCount; i++)
            {
                var w = nextNodes[i];
                nextArcs += offsets[w + 1] - offsets[w];
            }
            return (nextCount, nextArcs);
        }

        /// <summary>Bottom-up: every node not yet reached by all sources ORs its in-neighbours' frontier bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int NextCount, long NextArcs) Pull(ulong full, bool last, ref int touchedCount)
        {
            var offsets = _graph.Offsets;
            var inOffsets = _graph.InOffsets;
            var inTargets = _graph.InTargets;
            var visited = _visited;
            var frontier = _frontier;
            var next = _next;
            var n = _graph.NodeCount;
            var nextCount = 0;
            long nextArcs = 0;
            for (var v = 0; v < n; v++)
            {
                var seen = visited[v];
                var missing = full & ~seen;
                if (missing == 0)
                {
                    continue;
                }
                var reached = 0UL;
                for (var e = inOffsets[v]; e < inOffsets[v + 1]; e++)
                {
                    reached |= frontier[inTargets[e]];
                    if ((reached & missing) == missing)
                    {
                        break;
                    }
                }
                var add = reached & missing;
                if (add == 0)
                {
                    continue;
                }
                if (seen == 0)
                {
                    _touched[touchedCount++] = v;
                }
                visited[v] = seen | add;
                if (!last)
                {
                    next[v] = add;
                    _nextNodes[nextCount++] = v;
                    nextArcs += offsets[v + 1] - offsets[v];
                }
            }
            return (nextCount, nextArcs);
        }

        /// <summary>counts[j] = nodes whose visited word has bit j, minus the source itself.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CountBits(int touchedCount, int width, Span<long> counts)
        {
            if (width == 1)
            {
                counts[0] = touchedCount - 1;
                return;
            }
            Span<long> totals = stackalloc long[Width];
            totals.Clear();
            long bits = 0;
            for (var i = 0; i < touchedCount; i++)
            {
                bits += BitOperations.PopCount(_visited[_touched[i]]);
            }
            if (bits < 6L * touchedCount)
            {
                // Sparse words (searches that stay apart): visiting each set bit is cheaper than counting every lane.
                for (var i = 0; i < touchedCount; i++)
                {
                    for (var word = _visited[_touched[i]]; word != 0; word &= word - 1)
                    {
                        totals[BitOperations.TrailingZeroCount(word)]++;
                    }
                }
                for (var j = 0; j < width; j++)
                {
                    counts[j] = totals[j] - 1;
                }
                return;
            }
            // Eight byte-wide counters per word: byte i of lanes[k] counts bit 8i + k. Flushed before a byte can overflow.
            Span<ulong> lanes = stackalloc ulong[8];
            const ulong LowBits = 0x0101010101010101UL;
            for (var first = 0; first < touchedCount; first += 255)
            {
                lanes.Clear();
                var end = Math.Min(touchedCount, first + 255);
                for (var i = first; i < end; i++)
                {
                    var word = _visited[_touched[i]];
                    lanes[0] += word & LowBits;
                    lanes[1] += (word >> 1) & LowBits;
                    lanes[2] += (word >> 2) & LowBits;
                    lanes[3] += (word >> 3) & LowBits;
                    lanes[4] += (word >> 4) & LowBits;
                    lanes[5] += (word >> 5) & LowBits;
                    lanes[6] += (word >> 6) & LowBits;
                    lanes[7] += (word >> 7) & LowBits;
                }
                for (var k = 0; k < 8; k++)
                {
                    for (var b = 0; b < 8; b++)
                    {
                        totals[(8 * b) + k] += (long)((lanes[k] >> (8 * b)) & 0xFF);
                    }
                }
            }
            for (var j = 0; j < width; j++)
            {
                counts[j] = totals[j] - 1;
            }
        }
    }

    /// <summary>One worker's scratch for direction-optimising bounded BFS.</summary>
    /// <remarks>
    /// Visited nodes and the current frontier are bitsets (n/8 bytes each), so the bottom-up scan's random look-ups hit a
    /// structure small enough to stay in cache; clearing them per search costs n/64 word writes.
    /// </remarks>
    private sealed class LevelSearch(CsrGraph graph)
    {
        // Beamer et al.'s switch: go bottom-up when the frontier's edges exceed the unexplored edges divided by this.
        internal const int BottomUpRatio = 14;

        private readonly ulong[] _visited = new ulong[(graph.NodeCount + 63) >> 6];
        private readonly ulong[] _inFrontier = new ulong[(graph.NodeCount + 63) >> 6];
        private int[] _frontier = new int[graph.NodeCount];
        private int[] _next = new int[graph.NodeCount];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public long CountWithin(int source, int maxSteps)
        {
            Array.Clear(_visited);
            var offsets = graph.Offsets;
            var targets = graph.Targets;
            var inOffsets = graph.InOffsets;
            var inTargets = graph.InTargets;
            var n = graph.NodeCount;
            long arcs = targets.Length;
            Set(_visited, source);
            _frontier[0] = source;
            var frontierCount = 1;
            long visitedArcs = offsets[source + 1] - offsets[source];
            long frontierArcs = visitedArcs;
            long reached = 0;
            for (var depth = 1; depth <= maxSteps && frontierCount > 0; depth++)
            {
                var nextCount = 0;
                long nextArcs = 0;
                var last = depth == maxSteps;
                if (frontierArcs * BottomUpRatio > arcs - visitedArcs)
                {
                    Array.Clear(_inFrontier);
                    for (var i = 0; i < frontierCount; i++)
                    {
                        Set(_inFrontier, _frontier[i]);
                    }
                    for (var v = 0; v < n; v++)
                    {
                        if (IsSet(_visited, v))
                        {
                            continue;
                        }
                        for (var e = inOffsets[v]; e < inOffsets[v + 1]; e++)
                        {
                            if (IsSet(_inFrontier, inTargets[e]))
                            {
                                // Marking v visited now cannot hide it as a parent: parents come from _inFrontier only.
                                Set(_visited, v);
                                if (!last)
                                {
                                    _next[nextCount] = v;
                                    nextArcs += offsets[v + 1] - offsets[v];
                                }
                                nextCount++;
                                break;
                            }
                        }
                    }
                }
                else
                {
                    for (var i = 0; i < frontierCount; i++)
                    {
                        var u = _frontier[i];
                        for (var e = offsets[u]; e < offsets[u + 1]; e++)
                        {
                            var v = targets[e];
                            if (!IsSet(_visited, v))
                            {
                                Set(_visited, v);
                                if (!last)
                                {
                                    _next[nextCount] = v;
                                    nextArcs += offsets[v + 1] - offsets[v];
                                }
                                nextCount++;
                            }
                        }
                    }
                }
                reached += nextCount;
                visitedArcs += nextArcs;
                frontierArcs = nextArcs;
                frontierCount = last ? 0 : nextCount;
                (_frontier, _next) = (_next, _frontier);
            }
            return reached;
        }

        private static bool IsSet(ulong[] bits, int i) => (bits[i >> 6] & (1UL << (i & 63))) != 0;

        private static void Set(ulong[] bits, int i) => bits[i >> 6] |= 1UL << (i & 63);
    }
}
