namespace Connective.Graph.Traversal;

/// <summary>
/// Breadth-first search that stops at a given depth, with scratch space reused across calls so that many searches
/// on one graph (one per request, one per source) allocate nothing after the first.
/// </summary>
/// <remarks>
/// Follows out-edges when the graph is directed. Not thread-safe: use one instance per thread. The spans in a
/// <see cref="BoundedBfsResult"/> stay valid only until the next call to <see cref="Run"/> on the same instance.
/// </remarks>
public sealed class BoundedBfs
{
    private readonly CsrGraph _graph;
    private readonly int[] _queue;
    private readonly int[] _depth;
    // A node is visited in the current search when its stamp equals the search's number: no clearing between calls.
    private readonly int[] _stamp;
    private int _search;

    /// <summary>Prepares scratch space for searches on <paramref name="graph"/> (three ints per node).</summary>
    public BoundedBfs(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _queue = new int[graph.NodeCount];
        _depth = new int[graph.NodeCount];
        _stamp = new int[graph.NodeCount];
    }

    /// <summary>The graph this instance searches.</summary>
    public CsrGraph Graph => _graph;

    /// <summary>
    /// The nodes within <paramref name="maxDepth"/> edges of <paramref name="source"/>, in breadth-first order
    /// (so depths never decrease), starting with <paramref name="source"/> itself at depth 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="source"/> is not a node or <paramref name="maxDepth"/> is negative.</exception>
    public BoundedBfsResult Run(int source, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, _graph.NodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        var search = NextSearch();
        var offsets = _graph.Offsets;
        var targets = _graph.Targets;
        _stamp[source] = search;
        _queue[0] = source;
        _depth[0] = 0;
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var depth = _depth[head];
            if (depth == maxDepth)
            {
                break;
            }
            var u = _queue[head++];
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var v = targets[e];
                if (_stamp[v] != search)
                {
                    _stamp[v] = search;
                    _queue[tail] = v;
                    _depth[tail] = depth + 1;
                    tail++;
                }
            }
        }
        return new BoundedBfsResult(_queue.AsSpan(0, tail), _depth.AsSpan(0, tail));
    }

    private int NextSearch()
    {
        if (_search == int.MaxValue)
        {
            Array.Clear(_stamp);
            _search = 0;
        }
        return ++_search;
    }
}

/// <summary>The nodes a <see cref="BoundedBfs"/> search reached and their depths, valid until the instance's next search.</summary>
public readonly ref struct BoundedBfsResult
{
    internal BoundedBfsResult(ReadOnlySpan<int> nodes, ReadOnlySpan<int> depths)
    {
        Nodes = nodes;
        Depths = depths;
    }

    /// <summary>The nodes reached, in breadth-first order, the source first.</summary>
    public ReadOnlySpan<int> Nodes { get; }

    /// <summary>The depth of each entry of <see cref="Nodes"/> (0 for the source).</summary>
    public ReadOnlySpan<int> Depths { get; }

    /// <summary>The number of nodes reached, the source included.</summary>
    public int Count => Nodes.Length;
}
