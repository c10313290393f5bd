using System.Globalization;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Algorithms;

/// <summary>Small graphs for the algorithm tests: the shared edge lists and hand-written ones.</summary>
internal static class SharedNetworks
{
    /// <summary>
    /// Reads ../shared/data/networks/NAME.edgelist ("u v" lines, '#' comments, "# nodes N" header) with every edge kept,
    /// as the reference scripts build it. A minimal reader so these tests do not depend on the formats feature.
    /// </summary>
    public static CsrGraph Load(string name)
    {
        var builder = new GraphBuilder(directed: false);
        foreach (var line in File.ReadLines(RepositoryPaths.SharedFile("networks", name + ".edgelist")))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith("# nodes", StringComparison.Ordinal))
            {
                builder.DeclareNodes(int.Parse(fields[2], CultureInfo.InvariantCulture));
            }
            if (line.StartsWith('#') || fields.Length < 2)
            {
                continue;
            }
            builder.AddEdge(long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        return builder.Build();
    }

    /// <summary>A graph on nodes 0..nodeCount−1 with the given edges (kept as given: repeats and self-loops stay).</summary>
    public static CsrGraph FromEdges(int nodeCount, bool directed, params (int U, int V)[] edges)
    {
        var builder = new GraphBuilder(directed);
        builder.DeclareNodes(nodeCount);
        foreach (var (u, v) in edges)
        {
            builder.AddEdge(u, v);
        }
        return builder.Build();
    }

    /// <summary>A weighted undirected graph on nodes 0..nodeCount−1.</summary>
    public static CsrGraph FromWeightedEdges(int nodeCount, params (int U, int V, double Weight)[] edges)
    {
        var builder = new GraphBuilder(directed: false);
        builder.DeclareNodes(nodeCount);
        foreach (var (u, v, w) in edges)
        {
            builder.AddEdge(u, v, w);
        }
        return builder.Build();
    }

    /// <summary>The directed test graph of reference_values.py (DIRECTED): nodes 0..7, node 7 isolated.</summary>
    public static CsrGraph Directed() => FromEdges(
        8, directed: true, (0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3), (1, 4), (6, 5), (0, 6), (3, 1));

    /// <summary>The weighted test graph of reference_values.py (WEIGHTED): nodes 0..7, node 7 isolated.</summary>
    public static CsrGraph Weighted() => FromWeightedEdges(
        8, (0, 1, 2.0), (0, 2, 1.0), (1, 2, 3.0), (2, 3, 0.5), (3, 4, 4.0), (3, 5, 1.0), (4, 5, 2.0), (5, 6, 1.5));

    /// <summary>Asserts two arrays agree entry by entry within a relative tolerance (NaN matches NaN).</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"node {i}: expected NaN, got {actual[i]}");
                continue;
            }
            var scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"node {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
