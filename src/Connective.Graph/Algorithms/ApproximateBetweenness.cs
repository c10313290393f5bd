using Connective.Graph.Generators;

namespace Connective.Graph.Algorithms;

/// <summary>Estimated betweenness from <see cref="ApproximateBetweenness.Estimate"/>.</summary>
/// <param name="Values">Estimates on the scale of <see cref="Betweenness.Exact"/> (unnormalised; unordered pairs once when undirected).</param>
/// <param name="Normalized">Estimates of normalised betweenness b(v) = (1 / n(n−1)) Σ_{s≠t} σ_st(v)/σ_st, in [0, 1]; ε bounds their error.</param>
/// <param name="SampleCount">Number of sampled node pairs r.</param>
/// <param name="VertexDiameterBound">The upper bound on the vertex diameter (nodes on a longest shortest path) used to size r.</param>
public sealed record ApproximateBetweennessResult(double[] Values, double[] Normalized, int SampleCount, int VertexDiameterBound);

/// <summary>
/// Betweenness estimated from random shortest paths with the guarantee of Riondato and Kornaropoulos (2016): with
/// probability at least 1 − δ, every node's normalised estimate is within ε of its normalised betweenness.
/// </summary>
public static class ApproximateBetweenness
{
    /// <summary>The constant c of the sample-size bound, ≈ 0.5 (Löffler and Phillips, 2009), as in the paper.</summary>
    internal const double UniversalConstant = 0.5;

    /// <summary>Independent sample streams; a constant so results do not depend on the number of processors.</summary>
    internal const int Streams = 8;

    /// <summary>
    /// Samples r = ⌈(c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1 / δ))⌉ ordered pairs (s, t) uniformly (c = 0.5, VD an upper
    /// bound on the vertex diameter), picks one shortest s–t path uniformly at random for each, and credits 1/r to
    /// every node inside the path. Edges have length 1; directed graphs follow arcs. Seeded and reproducible.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="epsilon">Largest tolerated error of a normalised estimate, in (0, 1).</param>
    /// <param name="delta">Probability of exceeding it, in (0, 1).</param>
    /// <param name="seed">Seed for <see cref="SeededRandom"/>.</param>
    /// <param name="cancellationToken">Stops the computation between samples.</param>
    public static ApproximateBetweennessResult Estimate(CsrGraph graph, double epsilon, double delta, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(epsilon > 0 && epsilon < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be between 0 and 1 (exclusive).");
        }
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be between 0 and 1 (exclusive).");
        }
        var n = graph.NodeCount;
        var diameter = VertexDiameterBound(graph);
        var sampleCount = SampleSize(diameter, epsilon, delta);
        if (n < 2)
        {
            return new ApproximateBetweennessResult(new double[n], new double[n], sampleCount, diameter);
        }

        // Streams are forked in a fixed order and each owns a fixed share of the samples; counts are integers,
        // so the totals are identical however the streams are scheduled.
        var master = new SeededRandom(seed);
        var randoms = new SeededRandom[Streams];
        for (var i = 0; i < Streams; i++)
        {
            randoms[i] = master.Fork();
        }
        var counts = new int[Streams][];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, Streams, options, stream =>
        {
            var random = randoms[stream];
            var hits = new int[n];
            using var search = new ShortestPathCounter(n);
            var samples = (sampleCount / Streams) + (stream < sampleCount % Streams ? 1 : 0);
            for (var i = 0; i < samples; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = random.NextInt(n);
                var target = random.NextInt(n - 1);
                if (target >= source)
                {
                    target++;
                }
                search.Run(graph, source, target);
                if (search.Distance(target) >= 2)
                {
                    CreditRandomPath(graph, search, source, target, random, hits);
                }
            }
            counts[stream] = hits;
        });

        var normalized = new double[n];
        var values = new double[n];
        var pairs = graph.IsDirected ? (double)n * (n - 1) : (double)n * (n - 1) / 2;
        for (var v = 0; v < n; v++)
        {
            long hits = 0;
            for (var stream = 0; stream < Streams; stream++)
            {
                hits += counts[stream][v];
            }
            normalized[v] = (double)hits / sampleCount;
            values[v] = normalized[v] * pairs;
        }
        return new ApproximateBetweennessResult(values, normalized, sampleCount, diameter);
    }

    /// <summary>r = ⌈(c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1 / δ))⌉; for VD ≤ 3 the logarithm term is 0.</summary>
    internal static int SampleSize(int vertexDiameter, double epsilon, double delta)
    {
        var logTerm = vertexDiameter > 3 ? Math.Floor(Math.Log2(vertexDiameter - 2)) : 0;
        return checked((int)Math.Ceiling(UniversalConstant / (epsilon * epsilon) * (logTerm + 1 + Math.Log(1 / delta))));
    }

    /// <summary>
    /// An upper bound on the number of nodes on any shortest path. Undirected: in each component, a search from
    /// one node x gives every distance ≤ 2·ecc(x), so at most 2·ecc(x) + 1 nodes (capped by the component size).
    /// Directed: a shortest path is simple and stays in a weak component, so that component's size bounds it.
    /// </summary>
    internal static int VertexDiameterBound(CsrGraph graph)
    {
        var rows = UndirectedRows.Of(graph);
        var n = rows.NodeCount;
        var distance = new int[n];
        Array.Fill(distance, -1);
        var queue = new int[n];
        var bound = n == 0 ? 0 : 1;
        for (var root = 0; root < n; root++)
        {
            if (distance[root] >= 0)
            {
                continue;
            }
            distance[root] = 0;
            queue[0] = root;
            var tail = 1;
            var eccentricity = 0;
            for (var head = 0; head < tail; head++)
            {
                var v = queue[head];
                foreach (var w in rows.Row(v))
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        eccentricity = distance[w];
                        queue[tail++] = w;
                    }
                }
            }
            var componentBound = graph.IsDirected ? tail : Math.Min(tail, (2 * eccentricity) + 1);
            bound = Math.Max(bound, componentBound);
        }
        return bound;
    }

    /// <summary>Walks back from the target choosing each predecessor p with probability σ(p)/σ(current).</summary>
    private static void CreditRandomPath(CsrGraph graph, ShortestPathCounter search, int source, int target, SeededRandom random, int[] hits)
    {
        var current = target;
        while (true)
        {
            var level = search.Distance(current) - 1;
            var predecessors = graph.InNeighbors(current);
            var total = 0.0;
            foreach (var p in predecessors)
            {
                if (search.Distance(p) == level)
                {
                    total += search.PathCount(p);
                }
            }
            var pick = random.NextDouble() * total;
            var chosen = -1;
            foreach (var p in predecessors)
            {
                if (search.Distance(p) != level)
                {
                    continue;
                }
                chosen = p;
                pick -= search.PathCount(p);
                if (pick < 0)
                {
                    break;
                }
            }
            if (chosen == source)
            {
                return;
            }
            hits[chosen]++;
            current = chosen;
        }
    }
}
