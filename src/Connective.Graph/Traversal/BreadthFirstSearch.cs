namespace Connective.Graph.Traversal;

/// <summary>Breadth-first search from one node, following out-edges when the graph is directed.</summary>
public static class BreadthFirstSearch
{
    /// <summary>The value in <see cref="Distances"/> for a node that cannot be reached.</summary>
    public const int Unreachable = -1;

    /// <summary>The number of edges on a shortest path from <paramref name="source"/> to every node; <see cref="Unreachable"/> where there is none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="source"/> is not a node of the graph.</exception>
    public static int[] Distances(CsrGraph graph, int source)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, graph.NodeCount);
        var distance = new int[graph.NodeCount];
        Array.Fill(distance, Unreachable);
        var queue = new int[graph.NodeCount];
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        distance[source] = 0;
        queue[0] = source;
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var u = queue[head++];
            var next = distance[u] + 1;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var v = targets[e];
                if (distance[v] == Unreachable)
                {
                    distance[v] = next;
                    queue[tail++] = v;
                }
            }
        }
        return distance;
    }
}
