using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>k-core decomposition: the core number of every node.</summary>
public static class KCoreDecomposition
{
    /// <summary>
    /// The core number of each node: the largest k such that the node belongs to a sub-graph in which every node has
    /// degree at least k. Computed on the undirected simple view (<see cref="GraphViews.Simple"/>), as NetworkX's
    /// <c>core_number</c> and igraph's <c>coreness(mode="all")</c> on the simplified graph.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] CoreNumbers(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var simple = GraphViews.Simple(graph);
        var n = simple.NodeCount;
        var offsets = simple.Offsets;
        var targets = simple.Targets;
        // Batagelj–Zaversnik: nodes kept sorted by current degree in one array with bucket starts; peeling the
        // lowest node moves each higher-degree neighbour one bucket down by a swap. O(n + m), no heap.
        var degree = new int[n];
        var maxDegree = 0;
        for (var u = 0; u < n; u++)
        {
            degree[u] = offsets[u + 1] - offsets[u];
            maxDegree = Math.Max(maxDegree, degree[u]);
        }
        var bucketStart = new int[maxDegree + 2];
        foreach (var d in degree)
        {
            bucketStart[d + 1]++;
        }
        for (var d = 0; d <= maxDegree; d++)
        {
            bucketStart[d + 1] += bucketStart[d];
        }
        var order = new int[n];
        var position = new int[n];
        var fill = bucketStart.AsSpan(0, maxDegree + 1).ToArray();
        for (var u = 0; u < n; u++)
        {
            position[u] = fill[degree[u]]++;
            order[position[u]] = u;
        }
        for (var i = 0; i < n; i++)
        {
            var u = order[i];
            var du = degree[u];
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var v = targets[e];
                var dv = degree[v];
                if (dv > du)
                {
                    // Swap v with the first node of its bucket, then shrink the bucket from the front.
                    var first = bucketStart[dv];
                    var w = order[first];
                    if (w != v)
                    {
                        order[position[v]] = w;
                        position[w] = position[v];
                        order[first] = v;
                        position[v] = first;
                    }
                    bucketStart[dv]++;
                    degree[v] = dv - 1;
                }
            }
        }
        return degree;
    }
}
