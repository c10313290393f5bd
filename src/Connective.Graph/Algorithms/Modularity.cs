namespace Connective.Graph.Algorithms;

/// <summary>Newman–Girvan modularity with a resolution parameter.</summary>
public static class Modularity
{
    /// <summary>
    /// Q = (1 / 2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j), as igraph's <c>modularity(membership, resolution=γ)</c>
    /// and NetworkX's <c>modularity(G, communities, resolution=γ)</c> on undirected graphs. A self-loop counts twice
    /// in a node's degree; repeated edges add up; a directed graph is replaced by its undirected simple view
    /// (<see cref="GraphViews.Simple"/>), the graph <see cref="CommunityDetection"/> optimises on directed input.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="membership">The community of each node, by dense node id; any non-negative integers.</param>
    /// <param name="resolution">γ: above 1 favours smaller communities, below 1 larger ones.</param>
    /// <param name="useWeights">Use edge weights when the graph has them; otherwise every edge weighs 1.</param>
    /// <returns>The modularity; 0 for a graph without edges.</returns>
    public static double Compute(CsrGraph graph, ReadOnlySpan<int> membership, double resolution = 1, bool useWeights = true)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (membership.Length != graph.NodeCount)
        {
            throw new ArgumentException($"The membership has {membership.Length} entries but the graph has {graph.NodeCount} nodes.", nameof(membership));
        }
        var dense = CommunityDetection.Renumber(membership, out var count);
        return Compute(ModularityGraph.FromGraph(graph, useWeights), dense, count, resolution);
    }

    internal static double Compute(ModularityGraph graph, ReadOnlySpan<int> membership, int communityCount, double resolution)
    {
        var twoM = graph.TotalStrength;
        if (twoM <= 0)
        {
            return 0;
        }
        var inside = new double[communityCount];
        var total = new double[communityCount];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var c = membership[v];
            total[c] += graph.Strength[v];
            var sum = graph.SelfLoops[v];
            for (var e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
            {
                if (membership[graph.Targets[e]] == c)
                {
                    sum += graph.Weights is null ? 1.0 : graph.Weights[e];
                }
            }
            inside[c] += sum;
        }
        var q = 0.0;
        for (var c = 0; c < communityCount; c++)
        {
            q += inside[c] - (resolution * total[c] * total[c] / twoM);
        }
        return q / twoM;
    }
}
