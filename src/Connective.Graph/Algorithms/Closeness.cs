using System.Buffers;

namespace Connective.Graph.Algorithms;

/// <summary>Closeness and harmonic centrality from breadth-first distances (every edge has length 1).</summary>
/// <remarks>
/// On directed graphs both use distances <em>to</em> the node (along in-arcs), as NetworkX does.
/// Each node's value depends only on its own search, so nodes are processed in parallel and results are exact
/// and identical whatever the number of threads.
/// </remarks>
public static class Closeness
{
    /// <summary>
    /// Closeness centrality as NetworkX's <c>closeness_centrality(G, wf_improved=True)</c>: for a node u reaching
    /// r − 1 other nodes at total distance D, ((r − 1) / D)·((r − 1) / (n − 1)), the Wasserman–Faust scaling
    /// for graphs that are not connected; 0 when u reaches no one.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>Closeness of each node, indexed by dense node id.</returns>
    public static double[] Compute(CsrGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var result = new double[n];
        ForEachNodeDistances(graph, (node, reached, counts) =>
        {
            long total = 0;
            for (var d = 1; d < counts.Length; d++)
            {
                total += d * counts[d];
            }
            if (total > 0 && n > 1)
            {
                var others = reached - 1.0;
                result[node] = others / total * (others / (n - 1.0));
            }
        }, cancellationToken);
        return result;
    }

    /// <summary>
    /// Harmonic centrality as NetworkX's <c>harmonic_centrality</c>: the sum over other nodes v of 1 / d(v, u),
    /// unreachable nodes contributing 0. Unnormalised.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>Harmonic centrality of each node, indexed by dense node id.</returns>
    public static double[] Harmonic(CsrGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new double[graph.NodeCount];
        ForEachNodeDistances(graph, (node, _, counts) =>
        {
            // Summing per distance (count / d, nearest first) keeps the sum exact for counts and short.
            var sum = 0.0;
            for (var d = 1; d < counts.Length; d++)
            {
                sum += counts[d] / (double)d;
            }
            result[node] = sum;
        }, cancellationToken);
        return result;
    }

    private delegate void DistanceCountsHandler(int node, int reached, ReadOnlySpan<long> countsByDistance);

    /// <summary>
    /// Runs a breadth-first search along in-arcs from every node and hands over how many nodes lie at each distance.
    /// </summary>
    private static void ForEachNodeDistances(CsrGraph graph, DistanceCountsHandler handle, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var offsets = graph.InOffsets;
        var targets = graph.InTargets;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(
            0,
            n,
            options,
            () => new BreadthFirstScratch(n),
            (node, _, scratch) =>
            {
                var reached = scratch.CountByDistance(offsets, targets, node);
                handle(node, reached, scratch.Counts);
                return scratch;
            },
            scratch => scratch.Dispose());
    }

    private sealed class BreadthFirstScratch : IDisposable
    {
        private readonly int[] _distance;
        private readonly int[] _queue;
        private long[] _counts = new long[16];
        private int _maxDistance;

        public BreadthFirstScratch(int nodeCount)
        {
            _distance = ArrayPool<int>.Shared.Rent(Math.Max(1, nodeCount));
            _queue = ArrayPool<int>.Shared.Rent(Math.Max(1, nodeCount));
            _distance.AsSpan(0, nodeCount).Fill(-1);
        }

        public ReadOnlySpan<long> Counts => _counts.AsSpan(0, _maxDistance + 1);

        /// <summary>Fills <see cref="Counts"/> for a search from <paramref name="source"/>; returns the nodes reached, source included.</summary>
        public int CountByDistance(int[] offsets, int[] targets, int source)
        {
            Array.Clear(_counts);
            _maxDistance = 0;
            var distance = _distance;
            var queue = _queue;
            distance[source] = 0;
            queue[0] = source;
            var tail = 1;
            for (var head = 0; head < tail; head++)
            {
                var v = queue[head];
                var next = distance[v] + 1;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var w = targets[e];
                    if (distance[w] < 0)
                    {
                        distance[w] = next;
                        queue[tail++] = w;
                        if (next >= _counts.Length)
                        {
                            Array.Resize(ref _counts, 2 * _counts.Length);
                        }
                        _counts[next]++;
                        _maxDistance = next;
                    }
                }
            }
            for (var i = 0; i < tail; i++)
            {
                distance[queue[i]] = -1;
            }
            _counts[0] = 1;
            return tail;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_distance);
            ArrayPool<int>.Shared.Return(_queue);
        }
    }
}
