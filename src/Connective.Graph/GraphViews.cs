using System.Runtime.CompilerServices;

namespace Connective.Graph;

/// <summary>Graphs derived from another graph: filtered sub-graphs and the undirected simple view.</summary>
public static class GraphViews
{
    /// <summary>
    /// The sub-graph of the nodes where <paramref name="nodeMask"/> is true and the edges between them that
    /// <paramref name="edgePredicate"/> accepts (for example: a tie is used only when both people consented).
    /// </summary>
    /// <param name="graph">The graph to filter.</param>
    /// <param name="nodeMask">One flag per node of <paramref name="graph"/>: true keeps the node.</param>
    /// <param name="edgePredicate">
    /// Called with the two endpoints' dense ids in <paramref name="graph"/>: once per arc (source, target) when directed,
    /// once per undirected edge with the smaller id first. Null keeps every edge between kept nodes.
    /// </param>
    /// <returns>
    /// A graph over the kept nodes only, renumbered 0..k−1 in ascending order of their old ids; labels, node attributes
    /// and weights are carried over, so <see cref="CsrGraph.Labels"/> still names every node by its external id.
    /// </returns>
    /// <exception cref="ArgumentException">When the mask's length differs from the node count.</exception>
    public static CsrGraph Subgraph(CsrGraph graph, ReadOnlySpan<bool> nodeMask, Func<int, int, bool>? edgePredicate = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (nodeMask.Length != graph.NodeCount)
        {
            throw new ArgumentException($"The node mask has {nodeMask.Length} entries but the graph has {graph.NodeCount} nodes.", nameof(nodeMask));
        }
        var newId = new int[graph.NodeCount];
        var kept = new List<int>();
        for (var u = 0; u < graph.NodeCount; u++)
        {
            newId[u] = nodeMask[u] ? kept.Count : -1;
            if (nodeMask[u])
            {
                kept.Add(u);
            }
        }
        var keptNodes = kept.ToArray();
        // Collect each edge once, as the builder does: under its source when directed, under its smaller endpoint otherwise.
        var offsets = new int[keptNodes.Length + 1];
        var targets = new List<int>();
        var weights = graph.IsWeighted ? new List<double>() : null;
        var selfLoops = false;
        var repeated = false;
        for (var i = 0; i < keptNodes.Length; i++)
        {
            var u = keptNodes[i];
            var row = graph.Neighbors(u);
            var rowWeights = graph.Weights(u);
            var previous = -1;
            for (var e = 0; e < row.Length; e++)
            {
                var v = row[e];
                if ((!graph.IsDirected && v < u) || newId[v] < 0 || (edgePredicate is not null && !edgePredicate(u, v)))
                {
                    continue;
                }
                selfLoops |= v == u;
                repeated |= v == previous;
                previous = v;
                targets.Add(newId[v]);
                weights?.Add(rowWeights[e]);
            }
            offsets[i + 1] = targets.Count;
        }
        var labels = graph.Labels.Select(keptNodes);
        var attributes = graph.NodeAttributes?.Select(keptNodes);
        var shape = new GraphShape(selfLoops, repeated);
        var halfTargets = targets.ToArray();
        var halfWeights = weights?.ToArray();
        if (graph.IsDirected)
        {
            var (inOffsets, inTargets, inWeights) = CsrConstruction.Transpose(offsets, halfTargets, halfWeights, keptNodes.Length);
            return new CsrGraph(true, offsets, halfTargets, halfWeights, inOffsets, inTargets, inWeights, halfTargets.Length, shape, labels, attributes);
        }
        var (fullOffsets, fullTargets, fullWeights) = CsrConstruction.Symmetrise(offsets, halfTargets, halfWeights, keptNodes.Length);
        return new CsrGraph(false, fullOffsets, fullTargets, fullWeights, null, null, null, halfTargets.Length, shape, labels, attributes);
    }

    /// <summary>
    /// The undirected simple view: an edge between u and v (u ≠ v) when the graph has any edge or arc between them in
    /// either direction; repeats merged, self-loops dropped, weights dropped. The measures defined on simple graphs
    /// (components, cores, triangles, clustering) run on this view.
    /// </summary>
    /// <returns>The graph itself when it is already undirected, simple and unweighted; otherwise a new graph with the same nodes, labels and attributes.</returns>
    public static CsrGraph Simple(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.IsDirected && !graph.HasSelfLoops && !graph.HasRepeatedEdges && !graph.IsWeighted)
        {
            return graph;
        }
        var n = graph.NodeCount;
        var offsets = new int[n + 1];
        var work = (long)graph.Offsets[n] + graph.InOffsets[n];
        ParallelWork.ForRanges(n, work, (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                offsets[u + 1] = MergeDistinct(graph, u, []);
            }
        });
        for (var u = 0; u < n; u++)
        {
            offsets[u + 1] += offsets[u];
        }
        var targets = new int[offsets[n]];
        ParallelWork.ForRanges(n, work, (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                MergeDistinct(graph, u, targets.AsSpan(offsets[u], offsets[u + 1] - offsets[u]));
            }
        });
        return new CsrGraph(false, offsets, targets, null, null, null, null, targets.Length / 2, new GraphShape(false, false), graph.Labels, graph.NodeAttributes);
    }

    /// <summary>Writes (when <paramref name="output"/> is not empty) and counts the distinct neighbours of u other than u, out and in merged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int MergeDistinct(CsrGraph graph, int u, Span<int> output)
    {
        var a = graph.Neighbors(u);
        var b = graph.IsDirected ? graph.InNeighbors(u) : [];
        int i = 0, j = 0, count = 0, last = -1;
        while (i < a.Length || j < b.Length)
        {
            int next;
            if (j >= b.Length || (i < a.Length && a[i] <= b[j]))
            {
                next = a[i++];
            }
            else
            {
                next = b[j++];
            }
            if (next == last || next == u)
            {
                continue;
            }
            last = next;
            if (!output.IsEmpty)
            {
                output[count] = next;
            }
            count++;
        }
        return count;
    }
}
