using System.Buffers;

namespace Connective.Graph.Algorithms;

/// <summary>
/// Betweenness centrality: for each node v, the sum over pairs of other nodes (s, t) of the share of shortest
/// s–t paths that pass through v.
/// </summary>
public static class Betweenness
{
    /// <summary>
    /// The number of accumulators the sources are striped over. It is a constant, not the processor count, so
    /// that the floating-point sums are added in the same order on every machine and the result is identical.
    /// </summary>
    internal const int Partitions = 8;

    /// <summary>
    /// Exact betweenness by Brandes' algorithm (2001), one breadth-first search per source, sources processed in
    /// parallel. Unnormalised; on undirected graphs each unordered pair is counted once (as igraph's
    /// <c>betweenness()</c> and NetworkX's <c>betweenness_centrality(normalized=False)</c>); on directed graphs
    /// paths follow arc directions and ordered pairs count. Edge weights are ignored (every edge has length 1);
    /// repeated edges count as distinct shortest paths, as in igraph.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Stops the computation between sources.</param>
    /// <returns>Betweenness of each node, indexed by dense node id.</returns>
    public static double[] Exact(CsrGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var accumulators = new double[Partitions][];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, Partitions, options, partition =>
        {
            var total = new double[n];
            using var search = new ShortestPathCounter(n);
            for (var source = partition; source < n; source += Partitions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                search.Run(graph, source);
                search.AccumulateDependencies(graph, total);
            }
            accumulators[partition] = total;
        });

        var result = new double[n];
        var scale = graph.IsDirected ? 1.0 : 0.5;
        for (var v = 0; v < n; v++)
        {
            var sum = 0.0;
            for (var partition = 0; partition < Partitions; partition++)
            {
                sum += accumulators[partition][v];
            }
            result[v] = sum * scale;
        }
        return result;
    }
}

/// <summary>
/// One breadth-first search from a source that counts shortest paths (σ) and records the visiting order, with
/// scratch arrays rented once and reset only where the search touched them, so a search costs O(reached + edges).
/// </summary>
internal sealed class ShortestPathCounter : IDisposable
{
    private readonly int[] _distance;
    private readonly double[] _pathCount;
    private readonly double[] _dependency;
    private readonly int[] _order;

    public ShortestPathCounter(int nodeCount)
    {
        _distance = ArrayPool<int>.Shared.Rent(Math.Max(1, nodeCount));
        _pathCount = ArrayPool<double>.Shared.Rent(Math.Max(1, nodeCount));
        _dependency = ArrayPool<double>.Shared.Rent(Math.Max(1, nodeCount));
        _order = ArrayPool<int>.Shared.Rent(Math.Max(1, nodeCount));
        _distance.AsSpan(0, nodeCount).Fill(-1);
        _pathCount.AsSpan(0, nodeCount).Clear();
        _dependency.AsSpan(0, nodeCount).Clear();
    }

    /// <summary>Number of nodes reached by the last search, the source included.</summary>
    public int ReachedCount { get; private set; }

    /// <summary>Nodes reached by the last search in order of non-decreasing distance; the source first.</summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, ReachedCount);

    public int Distance(int node) => _distance[node];

    public double PathCount(int node) => _pathCount[node];

    /// <summary>
    /// Breadth-first search from <paramref name="source"/> along out-arcs, counting shortest paths. With a
    /// <paramref name="target"/>, stops once every node closer than the target has been expanded: the path counts
    /// of all nodes nearer than the target are then final.
    /// </summary>
    public void Run(CsrGraph graph, int source, int target = -1)
    {
        Reset();
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var distance = _distance;
        var pathCount = _pathCount;
        var order = _order;
        distance[source] = 0;
        pathCount[source] = 1;
        order[0] = source;
        var tail = 1;
        for (var head = 0; head < tail; head++)
        {
            var v = order[head];
            if (target >= 0 && distance[target] >= 0 && distance[v] >= distance[target])
            {
                break;
            }
            var next = distance[v] + 1;
            var paths = pathCount[v];
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                var w = targets[e];
                var d = distance[w];
                if (d < 0)
                {
                    distance[w] = next;
                    order[tail++] = w;
                    pathCount[w] = paths;
                }
                else if (d == next)
                {
                    pathCount[w] += paths;
                }
            }
        }
        ReachedCount = tail;
    }

    /// <summary>
    /// Brandes' backward pass after <see cref="Run"/>: each node, latest first, pulls the dependency of its
    /// successors on the shortest-path DAG, δ(v) = Σ σ(v)/σ(w)·(1 + δ(w)); adds δ to <paramref name="total"/>.
    /// Pulling along out-arcs needs no predecessor lists and works for directed graphs unchanged.
    /// </summary>
    public void AccumulateDependencies(CsrGraph graph, Span<double> total)
    {
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var distance = _distance;
        var pathCount = _pathCount;
        var dependency = _dependency;
        for (var i = ReachedCount - 1; i > 0; i--)
        {
            var v = _order[i];
            var next = distance[v] + 1;
            var sum = 0.0;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                var w = targets[e];
                if (distance[w] == next)
                {
                    sum += (1 + dependency[w]) / pathCount[w];
                }
            }
            var delta = pathCount[v] * sum;
            dependency[v] = delta;
            total[v] += delta;
        }
    }

    private void Reset()
    {
        for (var i = 0; i < ReachedCount; i++)
        {
            var v = _order[i];
            _distance[v] = -1;
            _pathCount[v] = 0;
            _dependency[v] = 0;
        }
        ReachedCount = 0;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_distance);
        ArrayPool<double>.Shared.Return(_pathCount);
        ArrayPool<double>.Shared.Return(_dependency);
        ArrayPool<int>.Shared.Return(_order);
    }
}
