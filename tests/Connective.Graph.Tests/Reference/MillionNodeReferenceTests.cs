using System.Security.Cryptography;
using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Reference;

/// <summary>
/// The 1,000,000-node generated graphs against aggregate goldens: counts, sorted component sizes, the core-number
/// histogram, triangle total, SHA-256 hashes of the degree, core and triangle vectors, and per-node values of 1,000
/// sampled nodes (core, triangles, clustering, PageRank, eigenvector centrality, exact reach within 1, 2 and 3
/// steps), and Leiden's modularity where the golden file has the median of all 10 igraph runs. Category Large (generation plus
/// every kernel on a million nodes).
/// </summary>
[Trait("Category", "Large")]
public sealed class MillionNodeReferenceTests
{
    /// <summary>
    /// Eigenvector centrality included: on the community model's largest component (two nearly equal top eigenvalues)
    /// restarted Lanczos needs about 130 products where power iteration needed about 1,800.
    /// </summary>
    [SlowFact]
    public void Community_model_1m_matches_the_reference_aggregates() => Check("gen-community-1m", eigenvector: true);

    [SlowFact]
    public void Barabasi_albert_1m_matches_the_reference_aggregates() => Check("gen-ba-1m", eigenvector: true);

    internal static void Check(string name, bool eigenvector)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var degrees = Enumerable.Range(0, graph.NodeCount).Select(graph.Degree).ToArray();
        var components = ConnectedComponents.Weak(graph);
        var cores = KCoreDecomposition.CoreNumbers(graph);
        var triangles = Clustering.CountTriangles(graph);
        var local = triangles.LocalClustering();
        var pageRank = PageRank.Compute(graph, new PageRankOptions(Damping: 0.85));
        var sample = golden.NodeIds.Select(id => ReferenceAssert.Node(golden, graph, Array.IndexOf(golden.NodeIds, id))).ToArray();
        var reach = new[] { Reach.Within(graph, sample, 1), Reach.Within(graph, sample, 2), Reach.Within(graph, sample, 3) };

        Assert.Equal(golden.Long("nodes"), graph.NodeCount);
        Assert.Equal(golden.Long("edges_simple_undirected"), graph.EdgeCount);
        Assert.Equal(golden.LongArray("weak_components"), CoreKernelReferenceTests.SortedSizes(components));
        Assert.Equal(golden.LongArray("core_histogram"), Histogram(cores));
        Assert.Equal(golden.Long("triangles_total"), triangles.TotalTriangles);
        var hashes = golden.Root.GetProperty("hashes");
        Assert.Equal(hashes.GetProperty("degree").GetString(), Sha256(degrees.Select(d => (long)d)));
        Assert.Equal(hashes.GetProperty("core").GetString(), Sha256(cores.Select(c => (long)c)));
        Assert.Equal(hashes.GetProperty("triangles").GetString(), Sha256(triangles.Triangles));
        ReferenceAssert.Integers(golden, graph, "degree", node => degrees[node]);
        ReferenceAssert.Integers(golden, graph, "core", node => cores[node]);
        ReferenceAssert.Integers(golden, graph, "triangles", node => triangles.Triangles[node]);
        ReferenceAssert.Floats(golden, graph, "clustering", node => local[node]);
        Assert.True(pageRank.Converged);
        ReferenceAssert.Floats(golden, graph, "pagerank", node => pageRank.Scores[node], relative: 0, absolute: CoreKernelReferenceTests.PageRankTolerance);
        for (var k = 1; k <= 3; k++)
        {
            var counts = reach[k - 1];
            ReferenceAssert.Integers(golden, graph, $"reach{k}", node => counts[Array.IndexOf(sample, node)]);
        }
        if (eigenvector)
        {
            CoreKernelReferenceTests.CheckEigenvector(golden, graph, ReferenceAssert.RelativeTolerance);
        }
        if (golden.Root.TryGetProperty("leiden_modularity_median", out var median))
        {
            var modularity = CommunityReferenceTests.ModularityOf(graph, CommunityDetection.Leiden(graph).Membership);
            Assert.True(modularity >= median.GetDouble() - 1e-6, $"{name}: Leiden modularity {modularity:R} below the igraph median {median.GetDouble():R} − 1e-6.");
        }
    }

    private static long[] Histogram(int[] values)
    {
        var histogram = new long[values.Max() + 1];
        foreach (var v in values)
        {
            histogram[v]++;
        }
        return histogram;
    }

    /// <summary>SHA-256 of the vector as little-endian int32 in node-id order, as make_golden.py writes it.</summary>
    private static string Sha256(IEnumerable<long> values)
    {
        var bytes = values.SelectMany(v => BitConverter.GetBytes(checked((int)v))).ToArray();
        Assert.True(BitConverter.IsLittleEndian);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
