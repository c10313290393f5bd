using Connective.TestSupport;

namespace Connective.Graph.Tests.Reference;

/// <summary>The engine's reader and simple views build the node and edge sets the reference tools used (issue 3 §6).</summary>
public sealed class StorageReferenceTests
{
    [Fact]
    public void Every_shared_network_has_golden_values()
    {
        var networks = Directory.GetFiles(Path.Combine(RepositoryPaths.SharedData, "networks"), "*.edgelist")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var missing = networks.Where(name => !File.Exists(Path.Combine(GoldenGraph.Folder, name + ".json"))).ToArray();

        Assert.NotEmpty(networks);
        Assert.True(missing.Length == 0, "No golden file for: " + string.Join(", ", missing) + ". Run /usr/bin/python3 bench/peers/make_golden.py.");
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Node_and_edge_counts_match(string name)
    {
        var golden = GoldenGraph.Load(name);

        var graph = golden.LoadSimple();
        var simple = GraphViews.Simple(graph);

        Assert.Equal(golden.Long("nodes"), graph.NodeCount);
        Assert.Equal(golden.IsDirected, graph.IsDirected);
        Assert.Equal(golden.Long("edges_simple_undirected"), simple.EdgeCount);
        if (golden.IsDirected)
        {
            Assert.Equal(golden.Long("arcs_simple"), graph.EdgeCount);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Degrees_match(string name)
    {
        var golden = GoldenGraph.Load(name);

        var graph = golden.LoadSimple();
        var simple = GraphViews.Simple(graph);

        ReferenceAssert.Integers(golden, simple, "degree", node => simple.Degree(node));
        if (golden.IsDirected)
        {
            ReferenceAssert.Integers(golden, graph, "out_degree", node => graph.Degree(node));
            ReferenceAssert.Integers(golden, graph, "in_degree", node => graph.InDegree(node));
        }
    }
}
