namespace Connective.Graph.Generators;

/// <summary>Erdős–Rényi random graphs: G(n, p) and G(n, m), undirected and simple.</summary>
public static class ErdosRenyi
{
    /// <summary>
    /// G(n, p): every unordered pair of distinct nodes is an edge independently with probability <paramref name="p"/>.
    /// Runs in time proportional to n + edges by skipping geometrically over the absent pairs
    /// (Batagelj and Brandes, 2005), so a million nodes take about a second.
    /// </summary>
    /// <param name="nodeCount">Number of nodes n (ids 0..n−1).</param>
    /// <param name="p">Edge probability in [0, 1].</param>
    /// <param name="seed">Seed for <see cref="SeededRandom"/>; the same seed gives the same graph.</param>
    public static CsrGraph Gnp(int nodeCount, double p, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The edge probability must be between 0 and 1.");
        }
        var random = new SeededRandom(seed);
        var expected = (long)(p * nodeCount * (nodeCount - 1.0) / 2);
        var edges = new EdgeBuffer(expected + (expected / 16) + 16);
        if (p >= 1)
        {
            for (var v = 1; v < nodeCount; v++)
            {
                for (var w = 0; w < v; w++)
                {
                    edges.Add(w, v);
                }
            }
        }
        else if (p > 0)
        {
            AddGeometricSkips(random, p, edges, nodeCount);
        }
        return GeneratedGraph.Build(nodeCount, edges);
    }

    /// <summary>
    /// G(n, m): a graph drawn uniformly from all simple graphs with n nodes and exactly <paramref name="edgeCount"/> edges.
    /// </summary>
    /// <param name="nodeCount">Number of nodes n (ids 0..n−1).</param>
    /// <param name="edgeCount">Number of edges m, at most n(n−1)/2.</param>
    /// <param name="seed">Seed for <see cref="SeededRandom"/>.</param>
    public static CsrGraph Gnm(int nodeCount, long edgeCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        var possible = (long)nodeCount * (nodeCount - 1) / 2;
        ArgumentOutOfRangeException.ThrowIfNegative(edgeCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(edgeCount, possible);
        var random = new SeededRandom(seed);
        // Draw pair indices, sort, drop repeats and draw again for the shortfall. Rejecting repeats keeps every
        // m-subset equally likely, and sorting 8-byte keys is far faster than a hash set of a million-node graph.
        var keys = new long[edgeCount];
        long distinct = 0;
        while (distinct < edgeCount)
        {
            for (var i = distinct; i < edgeCount; i++)
            {
                keys[i] = (long)random.NextUInt64Below((ulong)possible);
            }
            Array.Sort(keys);
            distinct = 0;
            for (long i = 0; i < edgeCount; i++)
            {
                if (i == 0 || keys[i] != keys[i - 1])
                {
                    keys[distinct++] = keys[i];
                }
            }
        }
        var edges = new EdgeBuffer(edgeCount);
        foreach (var key in keys)
        {
            // Pair index k enumerates (w, v) with w < v as k = v(v−1)/2 + w.
            var v = (int)((1 + Math.Sqrt(1 + (8.0 * key))) / 2);
            while ((long)v * (v - 1) / 2 > key)
            {
                v--;
            }
            while ((long)(v + 1) * v / 2 <= key)
            {
                v++;
            }
            edges.Add((int)(key - ((long)v * (v - 1) / 2)), v);
        }
        return GeneratedGraph.Build(nodeCount, edges);
    }

    /// <summary>Adds each pair (w, v), w &lt; v, with probability p, jumping over a geometric number of absent pairs.</summary>
    internal static void AddGeometricSkips(SeededRandom random, double p, EdgeBuffer edges, int nodeCount)
    {
        var logOneMinusP = Math.Log(1 - p);
        long v = 1;
        long w = -1;
        while (v < nodeCount)
        {
            w += 1 + (long)(Math.Log(1 - random.NextDouble()) / logOneMinusP);
            while (w >= v && v < nodeCount)
            {
                w -= v;
                v++;
            }
            if (v < nodeCount)
            {
                edges.Add((int)w, (int)v);
            }
        }
    }
}
