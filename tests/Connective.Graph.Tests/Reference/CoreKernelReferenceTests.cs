using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Reference;

/// <summary>Components, cores, triangles and clustering, PageRank, eigenvector centrality and reach against igraph and NetworkX (issue 3 §6).</summary>
public sealed class CoreKernelReferenceTests
{
    /// <summary>PageRank: every node within 1e-9 of igraph's PRPACK solution (absolute).</summary>
    internal const double PageRankTolerance = 1e-9;

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Weak_and_strong_component_sizes_match_igraph(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var weak = ConnectedComponents.Weak(graph);

        Assert.Equal(golden.LongArray("weak_components"), SortedSizes(weak));
        if (golden.IsDirected)
        {
            Assert.Equal(golden.LongArray("strong_components"), SortedSizes(ConnectedComponents.Strong(graph)));
        }
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Core_numbers_match_networkx(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var cores = KCoreDecomposition.CoreNumbers(graph);

        ReferenceAssert.Integers(golden, graph, "core", node => cores[node]);
        Assert.Equal(golden.Long("max_core"), cores.Length == 0 ? 0 : cores.Max());
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Triangles_and_clustering_match_networkx(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var counts = Clustering.CountTriangles(graph);
        var local = counts.LocalClustering();

        ReferenceAssert.Integers(golden, graph, "triangles", node => counts.Triangles[node]);
        Assert.Equal(golden.Long("triangles_total"), counts.TotalTriangles);
        ReferenceAssert.Floats(golden, graph, "clustering", node => local[node]);
        AssertClose(golden, "average_clustering", counts.AverageClustering());
        AssertClose(golden, "transitivity", counts.Transitivity());
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void PageRank_matches_igraph_prpack_within_1e_9(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var result = PageRank.Compute(graph, new PageRankOptions(Damping: 0.85));

        Assert.True(result.Converged, $"{name}: PageRank did not converge (residual {result.Residual}).");
        ReferenceAssert.Floats(golden, graph, "pagerank", node => result.Scores[node], relative: 0, absolute: PageRankTolerance);
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Eigenvector_centrality_matches_igraph_on_the_graph_or_its_largest_component(string name)
    {
        var golden = GoldenGraph.Load(name);
        CheckEigenvector(golden, golden.HasColumn("eigenvector") ? golden.LoadSimple() : null, ReferenceAssert.RelativeTolerance);
    }

    /// <summary>
    /// Eigenvector centrality is defined on connected undirected graphs (issue 3 §6): the golden values are igraph's
    /// on the whole graph when it is connected, else on its largest component (empty elsewhere), scaled to unit L2.
    /// The engine runs on the same node set: the graph itself, or the sub-graph of its largest component.
    /// </summary>
    internal static void CheckEigenvector(GoldenGraph golden, CsrGraph? graph, double relative)
    {
        var scope = golden.Root.GetProperty("eigenvector_scope").GetString();
        if (!golden.HasColumn("eigenvector"))
        {
            Assert.False(golden.Root.GetProperty("eigenvector_available").GetBoolean());
            Assert.True(golden.IsDirected, $"{golden.Name}: no eigenvector golden on an undirected graph ({scope}).");
            return;
        }
        Assert.NotNull(graph);
        if (scope == "largest_component")
        {
            var components = ConnectedComponents.Weak(graph);
            var largest = Array.IndexOf(components.Sizes, components.LargestSize);
            var mask = components.Membership.Select(c => c == largest).ToArray();
            graph = GraphViews.Subgraph(graph, mask);
        }
        else
        {
            Assert.Equal("graph", scope);
        }

        var result = EigenvectorCentrality.Compute(graph);

        Assert.True(result.Converged, $"{golden.Name}: eigenvector centrality did not converge.");
        ReferenceAssert.FloatsWhereDefined(golden, graph, "eigenvector", node => result.Scores[node], relative);
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.SmallGraphs), MemberType = typeof(GoldenGraph))]
    public void Reach_within_1_2_3_matches_igraph(string name) => CheckReach(name);

    internal static void CheckReach(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();
        var all = Enumerable.Range(0, graph.NodeCount).ToArray();

        var one = Reach.WithinOne(graph);
        var two = Reach.WithinTwo(graph);
        var three = Reach.Within(graph, all, 3);

        ReferenceAssert.Integers(golden, graph, "reach1", node => one[node]);
        ReferenceAssert.Integers(golden, graph, "reach2", node => two[node]);
        ReferenceAssert.Integers(golden, graph, "reach3", node => three[node]);
    }

    internal static long[] SortedSizes(Components components) =>
        components.Sizes.Select(size => (long)size).OrderDescending().ToArray();

    private static void AssertClose(GoldenGraph golden, string property, double actual)
    {
        var expected = golden.Double(property);
        var difference = Math.Abs(actual - expected);
        Assert.True(
            difference <= ReferenceAssert.AbsoluteFloor || difference <= ReferenceAssert.RelativeTolerance * Math.Abs(expected),
            $"{golden.Name}: {property} expected {expected:R}, engine {actual:R}.");
    }
}
