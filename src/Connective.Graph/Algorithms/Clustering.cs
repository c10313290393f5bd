using System.Buffers;
using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>Triangle counts and the clustering measures built on them, for one graph.</summary>
/// <param name="Triangles">The number of triangles through each node.</param>
/// <param name="Degrees">Each node's degree in the undirected simple view.</param>
/// <param name="TotalTriangles">The number of distinct triangles in the graph.</param>
public sealed record TriangleCounts(long[] Triangles, int[] Degrees, long TotalTriangles)
{
    /// <summary>Local clustering of each node: triangles ÷ (d(d−1)/2), and 0 when the degree is below 2 (as NetworkX).</summary>
    public double[] LocalClustering()
    {
        var local = new double[Triangles.Length];
        for (var u = 0; u < local.Length; u++)
        {
            var d = (double)Degrees[u];
            local[u] = Degrees[u] < 2 ? 0.0 : 2.0 * Triangles[u] / (d * (d - 1));
        }
        return local;
    }

    /// <summary>The mean local clustering over all nodes, degree-below-2 nodes counting 0 (NetworkX's <c>average_clustering</c>); 0 for an empty graph.</summary>
    public double AverageClustering()
    {
        if (Triangles.Length == 0)
        {
            return 0.0;
        }
        var sum = 0.0;
        foreach (var c in LocalClustering())
        {
            sum += c;
        }
        return sum / Triangles.Length;
    }

    /// <summary>Transitivity: 3 × triangles ÷ connected triples (paths of length 2); 0 when there are no triples.</summary>
    public double Transitivity()
    {
        double triples = 0;
        foreach (var d in Degrees)
        {
            triples += (double)d * (d - 1) / 2;
        }
        return triples == 0 ? 0.0 : 3.0 * TotalTriangles / triples;
    }
}

/// <summary>Triangle counting on the undirected simple view (directed graphs: edges in either direction, as issue 3 defines).</summary>
public static class Clustering
{
    /// <summary>Counts the triangles through every node, in parallel; the result does not depend on scheduling.</summary>
    public static TriangleCounts CountTriangles(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var simple = GraphViews.Simple(graph);
        var n = simple.NodeCount;
        var offsets = simple.Offsets;
        var targets = simple.Targets;
        // Orient every edge from lower to higher rank, rank = position in (degree, id) order: each triangle is then found
        // once, from its lowest-ranked corner, and forward lists have at most √(2m) entries, which bounds the work on
        // hubs. Working in rank space also packs the hubs, which most forward lists point to, into one small region of
        // the mark array, so the inner loop stays in cache.
        // Scratch comes from the shared pools: on a small graph, touching fresh memory (page faults) would cost as much
        // as the counting itself.
        var rank = ArrayPool<int>.Shared.Rent(n);
        RankByDegree(offsets, n, rank);
        var work = (long)offsets[n];
        var (forwardOffsets, forward) = work < ParallelWork.SequentialWork
            ? OrientInRankOrder(offsets, targets, rank, n)
            : OrientInParallel(offsets, targets, rank, n, work);
        var byRank = ArrayPool<long>.Shared.Rent(n);
        Array.Clear(byRank, 0, n);
        if (work < ParallelWork.SequentialWork)
        {
            // A small graph runs on the calling thread, where plain additions do (a locked add costs about 20 cycles,
            // and a small graph's whole pass is only tens of thousands of them).
            var mark = ArrayPool<int>.Shared.Rent(n);
            Array.Clear(mark, 0, n);
            CountFrom<PlainAdd>(0, n, forwardOffsets, forward, mark, byRank);
            ArrayPool<int>.Shared.Return(mark);
        }
        else
        {
            ParallelWork.ForChunks(n, 1024, () => new int[n], (start, end, mark) => CountFrom<AtomicAdd>(start, end, forwardOffsets, forward, mark, byRank));
        }
        var triangles = new long[n];
        for (var u = 0; u < n; u++)
        {
            triangles[u] = byRank[rank[u]];
        }
        ArrayPool<int>.Shared.Return(rank);
        ArrayPool<int>.Shared.Return(forwardOffsets);
        ArrayPool<int>.Shared.Return(forward);
        ArrayPool<long>.Shared.Return(byRank);
        long total = 0;
        var degrees = new int[n];
        for (var u = 0; u < n; u++)
        {
            total += triangles[u];
            degrees[u] = offsets[u + 1] - offsets[u];
        }
        return new TriangleCounts(triangles, degrees, total / 3);
    }

    /// <summary>
    /// The forward lists (higher-ranked neighbours, as ranks) in rank-indexed CSR, built in one pass on the calling
    /// thread: visiting nodes in rank order writes the lists one after another, so no counting pass is needed.
    /// Both arrays are rented from the shared pool.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Offsets, int[] Forward) OrientInRankOrder(int[] offsets, int[] targets, int[] rank, int n)
    {
        var order = ArrayPool<int>.Shared.Rent(n);
        for (var u = 0; u < n; u++)
        {
            order[rank[u]] = u;
        }
        var forwardOffsets = ArrayPool<int>.Shared.Rent(n + 1);
        forwardOffsets[0] = 0;
        // Every edge of the simple view appears in both its ends' rows and is kept at exactly one of them. Each entry
        // is written and then kept or overwritten (no branch to mispredict on half the edges), hence one spare slot.
        var forward = ArrayPool<int>.Shared.Rent((offsets[n] / 2) + 1);
        var write = 0;
        for (var ru = 0; ru < n; ru++)
        {
            var u = order[ru];
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var rv = rank[targets[e]];
                forward[write] = rv;
                write += rv > ru ? 1 : 0;
            }
            forwardOffsets[ru + 1] = write;
        }
        ArrayPool<int>.Shared.Return(order);
        return (forwardOffsets, forward);
    }

    /// <summary>The same forward lists (rented too), built by a parallel counting pass, prefix sums and a parallel filling pass.</summary>
    private static (int[] Offsets, int[] Forward) OrientInParallel(int[] offsets, int[] targets, int[] rank, int n, long work)
    {
        var forwardOffsets = ArrayPool<int>.Shared.Rent(n + 1);
        forwardOffsets[0] = 0;
        ParallelWork.ForRanges(n, work, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                var count = 0;
                var ru = rank[u];
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    count += rank[targets[e]] > ru ? 1 : 0;
                }
                forwardOffsets[ru + 1] = count;
            }
        });
        for (var r = 0; r < n; r++)
        {
            forwardOffsets[r + 1] += forwardOffsets[r];
        }
        var forward = ArrayPool<int>.Shared.Rent(forwardOffsets[n]);
        ParallelWork.ForRanges(n, work, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                var ru = rank[u];
                var write = forwardOffsets[ru];
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var rv = rank[targets[e]];
                    if (rv > ru)
                    {
                        forward[write++] = rv;
                    }
                }
            }
        });
        return (forwardOffsets, forward);
    }

    /// <summary>
    /// Counts the triangles found from the lowest-ranked corners in [<paramref name="start"/>, <paramref name="end"/>),
    /// adding one to each corner's total in <paramref name="byRank"/> (rank space); <paramref name="mark"/> is scratch of n entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountFrom<TAdd>(int start, int end, int[] forwardOffsets, int[] forward, int[] mark, long[] byRank)
        where TAdd : struct, ICountAdd
    {
        for (var u = start; u < end; u++)
        {
            // A triangle needs two higher-ranked neighbours of its lowest corner: most low-degree nodes have fewer.
            if (forwardOffsets[u + 1] - forwardOffsets[u] < 2)
            {
                continue;
            }
            var stamp = u + 1;
            for (var e = forwardOffsets[u]; e < forwardOffsets[u + 1]; e++)
            {
                mark[forward[e]] = stamp;
            }
            long own = 0;
            for (var e = forwardOffsets[u]; e < forwardOffsets[u + 1]; e++)
            {
                var v = forward[e];
                long viaV = 0;
                for (var f = forwardOffsets[v]; f < forwardOffsets[v + 1]; f++)
                {
                    var w = forward[f];
                    if (TAdd.Branchless)
                    {
                        var hit = mark[w] == stamp ? 1L : 0L;
                        viaV += hit;
                        TAdd.Add(ref byRank[w], hit);
                    }
                    else if (mark[w] == stamp)
                    {
                        viaV++;
                        TAdd.Add(ref byRank[w], 1);
                    }
                }
                if (TAdd.Branchless || viaV > 0)
                {
                    own += viaV;
                    TAdd.Add(ref byRank[v], viaV);
                }
            }
            if (TAdd.Branchless || own > 0)
            {
                TAdd.Add(ref byRank[u], own);
            }
        }
    }

    /// <summary>How <see cref="CountFrom"/> adds to a shared total (a struct type argument, so the add is inlined).</summary>
    private interface ICountAdd
    {
        /// <summary>
        /// Whether to add the 0-or-1 outcome of every test instead of branching on it: whether a candidate closes a
        /// triangle is unpredictable, and a plain add of 0 costs less than a mispredicted branch (a locked add does not).
        /// </summary>
        static abstract bool Branchless { get; }

        static abstract void Add(ref long total, long amount);
    }

    /// <summary>Plain addition, when one thread does all the counting.</summary>
    private readonly struct PlainAdd : ICountAdd
    {
        public static bool Branchless => true;

        public static void Add(ref long total, long amount) => total += amount;
    }

    /// <summary>Atomic addition between workers; integer additions commute, so the totals are the same in any schedule.</summary>
    private readonly struct AtomicAdd : ICountAdd
    {
        public static bool Branchless => false;

        public static void Add(ref long total, long amount) => Interlocked.Add(ref total, amount);
    }

    /// <summary>Each node's position when nodes are ordered by degree, ties by id (a counting sort), written to <paramref name="rank"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RankByDegree(int[] offsets, int n, int[] rank)
    {
        var maxDegree = 0;
        for (var u = 0; u < n; u++)
        {
            maxDegree = Math.Max(maxDegree, offsets[u + 1] - offsets[u]);
        }
        var start = new int[maxDegree + 2];
        for (var u = 0; u < n; u++)
        {
            start[offsets[u + 1] - offsets[u] + 1]++;
        }
        for (var d = 0; d <= maxDegree; d++)
        {
            start[d + 1] += start[d];
        }
        for (var u = 0; u < n; u++)
        {
            rank[u] = start[offsets[u + 1] - offsets[u]]++;
        }
    }
}
