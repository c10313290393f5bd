namespace Connective.Graph.Algorithms;

/// <summary>Summary of one degree sequence.</summary>
/// <param name="Min">The smallest degree.</param>
/// <param name="Max">The largest degree.</param>
/// <param name="Mean">The mean degree.</param>
/// <param name="StandardDeviation">The population standard deviation of the degrees.</param>
/// <param name="Median">The median degree (the mean of the two middle values for an even node count).</param>
/// <param name="Histogram">Entry d is the number of nodes of degree d, for d = 0..<paramref name="Max"/>.</param>
public sealed record DegreeSummary(int Min, int Max, double Mean, double StandardDeviation, double Median, long[] Histogram);

/// <summary>Degree statistics of a graph: the degree sequences as NetworkX and igraph report them.</summary>
/// <param name="Degree">The degree (undirected) or total degree, in + out (directed).</param>
/// <param name="OutDegree">Out-degrees when directed; the same as <paramref name="Degree"/> when undirected.</param>
/// <param name="InDegree">In-degrees when directed; the same as <paramref name="Degree"/> when undirected.</param>
/// <param name="Isolates">Nodes with no edge at all, counting self-loops as edges.</param>
public sealed record DegreeStatistics(DegreeSummary Degree, DegreeSummary OutDegree, DegreeSummary InDegree, int Isolates)
{
    /// <summary>
    /// Computes the statistics on the graph as stored: repeated edges count each time, and a self-loop adds 2 to
    /// an undirected node's degree (1 to out- and 1 to in-degree when directed), as NetworkX and igraph count it.
    /// </summary>
    public static DegreeStatistics Compute(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var degrees = NodeDegrees(graph);
        var total = Summarise(degrees);
        if (!graph.IsDirected)
        {
            return new DegreeStatistics(total, total, total, total.Histogram.Length > 0 ? (int)total.Histogram[0] : 0);
        }
        var outDegrees = new int[graph.NodeCount];
        var inDegrees = new int[graph.NodeCount];
        for (var u = 0; u < graph.NodeCount; u++)
        {
            outDegrees[u] = graph.Degree(u);
            inDegrees[u] = graph.InDegree(u);
        }
        return new DegreeStatistics(total, Summarise(outDegrees), Summarise(inDegrees), total.Histogram.Length > 0 ? (int)total.Histogram[0] : 0);
    }

    /// <summary>Each node's degree counted as in <see cref="Compute"/> (a self-loop counts twice; in + out when directed).</summary>
    public static int[] NodeDegrees(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var degrees = new int[graph.NodeCount];
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var degree = graph.Degree(u);
            if (graph.IsDirected)
            {
                degree += graph.InDegree(u);
            }
            else if (graph.HasSelfLoops)
            {
                // A self-loop is stored once in its row but has two ends at the node.
                foreach (var v in graph.Neighbors(u))
                {
                    degree += v == u ? 1 : 0;
                }
            }
            degrees[u] = degree;
        }
        return degrees;
    }

    private static DegreeSummary Summarise(int[] degrees)
    {
        if (degrees.Length == 0)
        {
            return new DegreeSummary(0, 0, 0, 0, 0, []);
        }
        var min = int.MaxValue;
        var max = 0;
        long sum = 0;
        foreach (var d in degrees)
        {
            min = Math.Min(min, d);
            max = Math.Max(max, d);
            sum += d;
        }
        var histogram = new long[max + 1];
        foreach (var d in degrees)
        {
            histogram[d]++;
        }
        var mean = (double)sum / degrees.Length;
        var squares = 0.0;
        for (var d = 0; d < histogram.Length; d++)
        {
            squares += histogram[d] * (d - mean) * (d - mean);
        }
        return new DegreeSummary(min, max, mean, Math.Sqrt(squares / degrees.Length), Median(histogram, degrees.Length), histogram);
    }

    private static double Median(long[] histogram, int count)
    {
        // The k-th smallest degree (0-based), read from the histogram.
        int Select(long k)
        {
            long seen = 0;
            for (var d = 0; d < histogram.Length; d++)
            {
                seen += histogram[d];
                if (seen > k)
                {
                    return d;
                }
            }
            return histogram.Length - 1;
        }
        return count % 2 == 1 ? Select(count / 2) : (Select((count / 2) - 1) + Select(count / 2)) / 2.0;
    }
}
