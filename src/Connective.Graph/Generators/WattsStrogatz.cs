namespace Connective.Graph.Generators;

/// <summary>Watts–Strogatz small-world graphs (the model of NetworkX's <c>watts_strogatz_graph</c>).</summary>
public static class WattsStrogatz
{
    /// <summary>
    /// Starts from a ring in which every node is joined to its k/2 nearest neighbours on each side, then, for each
    /// ring edge (u, u + j) in turn (j = 1..k/2, u = 0..n−1), with probability <paramref name="rewiringProbability"/>
    /// replaces it by (u, w) for a uniformly chosen w that is neither u nor already a neighbour of u.
    /// The edge count stays n·⌊k/2⌋ and the graph stays simple.
    /// </summary>
    /// <param name="nodeCount">Number of nodes n (ids 0..n−1).</param>
    /// <param name="nearestNeighbours">Ring degree k (an odd k acts as k − 1, as in NetworkX); less than n.</param>
    /// <param name="rewiringProbability">Probability p in [0, 1] of rewiring each edge.</param>
    /// <param name="seed">Seed for <see cref="SeededRandom"/>.</param>
    public static CsrGraph Generate(int nodeCount, int nearestNeighbours, double rewiringProbability, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(nearestNeighbours);
        if (nodeCount > 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(nearestNeighbours, nodeCount, nameof(nearestNeighbours));
        }
        if (!(rewiringProbability >= 0 && rewiringProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rewiringProbability), rewiringProbability, "The rewiring probability must be between 0 and 1.");
        }
        var random = new SeededRandom(seed);
        var half = nearestNeighbours / 2;
        var n = nodeCount;

        // Edge j·n + u starts as (u, u + j mod n); rewiring replaces its far end. A set of packed pairs answers
        // "is w already a neighbour of u" in O(1) while the ring is being rewired.
        var far = new int[(long)n * half];
        var present = new HashSet<long>((int)Math.Min(int.MaxValue, (long)n * half));
        var degree = new int[n];
        for (var j = 1; j <= half; j++)
        {
            for (var u = 0; u < n; u++)
            {
                var v = (u + j) % n;
                far[((long)(j - 1) * n) + u] = v;
                present.Add(Key(u, v, n));
            }
        }
        Array.Fill(degree, 2 * half);

        for (var j = 1; j <= half; j++)
        {
            for (var u = 0; u < n; u++)
            {
                if (!random.NextBool(rewiringProbability) || degree[u] >= n - 1)
                {
                    continue;
                }
                int w;
                do
                {
                    w = random.NextInt(n);
                }
                while (w == u || present.Contains(Key(u, w, n)));
                var index = ((long)(j - 1) * n) + u;
                var v = far[index];
                present.Remove(Key(u, v, n));
                present.Add(Key(u, w, n));
                degree[v]--;
                degree[w]++;
                far[index] = w;
            }
        }

        var edges = new EdgeBuffer(far.LongLength);
        for (long index = 0; index < far.LongLength; index++)
        {
            edges.Add((int)(index % n), far[index]);
        }
        return GeneratedGraph.Build(n, edges);
    }

    private static long Key(int u, int v, int n) => u < v ? ((long)u * n) + v : ((long)v * n) + u;
}
