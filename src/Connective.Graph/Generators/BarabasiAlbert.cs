namespace Connective.Graph.Generators;

/// <summary>Barabási–Albert preferential attachment graphs (the model of NetworkX's <c>barabasi_albert_graph</c>).</summary>
public static class BarabasiAlbert
{
    /// <summary>
    /// Grows an undirected simple graph from a star on m + 1 nodes (node 0 joined to 1..m); each further node joins
    /// m distinct existing nodes chosen with probability proportional to their degree.
    /// The result has m + (n − m − 1)·m edges: n = 1,000,000 and m = 10 give about ten million.
    /// </summary>
    /// <param name="nodeCount">Number of nodes n (ids 0..n−1), greater than m.</param>
    /// <param name="edgesPerNode">Edges m that each new node brings, at least 1.</param>
    /// <param name="seed">Seed for <see cref="SeededRandom"/>; the same seed gives the same graph.</param>
    public static CsrGraph Generate(int nodeCount, int edgesPerNode, ulong seed)
    {
        var m = edgesPerNode;
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1, nameof(edgesPerNode));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(nodeCount, m, nameof(nodeCount));
        var random = new SeededRandom(seed);
        var edgeCount = m + ((long)(nodeCount - m - 1) * m);
        var edges = new EdgeBuffer(edgeCount);

        // Every edge end is written once into this array, so a uniform draw from it is a degree-proportional draw.
        var endpoints = new int[checked((int)(2 * edgeCount))];
        var used = 0;
        for (var leaf = 1; leaf <= m; leaf++)
        {
            edges.Add(0, leaf);
            endpoints[used++] = 0;
            endpoints[used++] = leaf;
        }

        var targets = new int[m];
        for (var source = m + 1; source < nodeCount; source++)
        {
            var chosen = 0;
            while (chosen < m)
            {
                var candidate = endpoints[random.NextInt(used)];
                // m is small (tens), so a linear scan beats a set for rejecting a target drawn twice.
                if (Array.IndexOf(targets, candidate, 0, chosen) < 0)
                {
                    targets[chosen++] = candidate;
                }
            }
            for (var i = 0; i < m; i++)
            {
                edges.Add(targets[i], source);
                endpoints[used++] = targets[i];
                endpoints[used++] = source;
            }
        }
        return GeneratedGraph.Build(nodeCount, edges);
    }
}
