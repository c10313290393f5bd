using Connective.Graph.Algorithms;
using Connective.Graph.Generators;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Algorithms;

public sealed class ConnectedComponentsTests
{
    [Fact]
    public void Weak_components_are_numbered_by_smallest_node_with_sizes()
    {
        var builder = new GraphBuilder();
        builder.DeclareNodes(6);
        builder.AddEdge(4, 1);
        builder.AddEdge(2, 3);
        builder.AddEdge(3, 5);

        var components = ConnectedComponents.Weak(builder.Build());

        Assert.Equal([0, 1, 2, 2, 1, 2], components.Membership);
        Assert.Equal([1, 2, 3], components.Sizes);
        Assert.Equal(3, components.LargestSize);
    }

    [Fact]
    public void Small_and_large_undirected_graphs_agree_with_strong_components()
    {
        // Weak components search small graphs breadth-first and join large ones (over 1,000,000 adjacency entries)
        // with union–find; on an undirected graph both must give Tarjan's strong components, numbering included.
        // G(n, m) just below and above the switch, sparse enough for thousands of components and isolates.
        foreach (var (nodes, edges) in new[] { (900_000, 450_000L), (1_200_000, 600_000L) })
        {
            var graph = ErdosRenyi.Gnm(nodes, edges, seed: 5);

            var weak = ConnectedComponents.Weak(graph);
            var strong = ConnectedComponents.Strong(graph);

            Assert.True(weak.Count > 1000, $"{nodes} nodes: only {weak.Count} components");
            Assert.Equal(strong.Sizes, weak.Sizes);
            Assert.Equal(strong.Membership, weak.Membership);
        }
    }

    [Fact]
    public void Quirks_has_one_big_component_and_ten_declared_isolates()
    {
        // igraph 0.10.2: len(connected_components()) on quirks.edgelist with its 50 declared nodes.
        var components = ConnectedComponents.Weak(NetworkFiles.Load("quirks"));

        Assert.Equal(11, components.Count);
        Assert.Equal(40, components.LargestSize);
    }

    [Fact]
    public void Strong_components_of_a_directed_graph()
    {
        // 0→1→2→0 is a cycle; 2→3, 3→4→3 another cycle, 5 alone.
        var builder = new GraphBuilder(directed: true);
        builder.DeclareNodes(6);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 2);
        builder.AddEdge(2, 0);
        builder.AddEdge(2, 3);
        builder.AddEdge(3, 4);
        builder.AddEdge(4, 3);
        var graph = builder.Build();

        var strong = ConnectedComponents.Strong(graph);
        var weak = ConnectedComponents.Weak(graph);

        Assert.Equal([0, 0, 0, 1, 1, 2], strong.Membership);
        Assert.Equal([3, 2, 1], strong.Sizes);
        Assert.Equal(2, weak.Count);
    }

    [Fact]
    public void Serengeti_food_web_is_weakly_connected_and_acyclic()
    {
        // igraph 0.10.2: 1 weak component, 161 strong components (all singletons).
        var graph = NetworkFiles.Load("serengeti-foodweb", directed: true);

        Assert.Equal(1, ConnectedComponents.Weak(graph).Count);
        Assert.Equal(161, ConnectedComponents.Strong(graph).Count);
    }

    [Property(MaxTest = 200)]
    public bool Strong_components_agree_with_mutual_reachability(int[] endpoints)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: true);
        var strong = ConnectedComponents.Strong(graph);
        var distances = Enumerable.Range(0, graph.NodeCount).Select(s => Connective.Graph.Traversal.BreadthFirstSearch.Distances(graph, s)).ToArray();

        for (var u = 0; u < graph.NodeCount; u++)
        {
            for (var v = 0; v < graph.NodeCount; v++)
            {
                var mutual = distances[u][v] >= 0 && distances[v][u] >= 0;
                if (mutual != (strong.Membership[u] == strong.Membership[v]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Property(MaxTest = 200)]
    public bool Weak_components_agree_with_undirected_reachability(int[] endpoints)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: true);
        var weak = ConnectedComponents.Weak(graph);
        var simple = GraphViews.Simple(graph);

        for (var u = 0; u < graph.NodeCount; u++)
        {
            var distance = Connective.Graph.Traversal.BreadthFirstSearch.Distances(simple, u);
            for (var v = 0; v < graph.NodeCount; v++)
            {
                if ((distance[v] >= 0) != (weak.Membership[u] == weak.Membership[v]))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
