using FsCheck.Xunit;

namespace Connective.Graph.Tests.Storage;

public sealed class GraphViewsTests
{
    [Fact]
    public void Subgraph_keeps_masked_in_nodes_and_accepted_edges_with_labels()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(10, 20, 1.0);
        builder.AddEdge(20, 30, 2.0);
        builder.AddEdge(30, 40, 3.0);
        builder.AddEdge(10, 30, 4.0);
        var graph = builder.Build();
        bool[] mask = [true, false, true, true];

        // Only ties where both ends "consented": here, edges not touching id 40.
        var sub = GraphViews.Subgraph(graph, mask, (u, v) => graph.Labels.IntegerId(v) != 40);

        Assert.Equal(3, sub.NodeCount);
        Assert.Equal([10L, 30L, 40L], Enumerable.Range(0, 3).Select(sub.Labels.IntegerId).ToArray());
        Assert.Equal(1, sub.EdgeCount);
        Assert.Equal([1], sub.Neighbors(0).ToArray());
        Assert.Equal([4.0], sub.Weights(1).ToArray());
        Assert.Equal(0, sub.Degree(2));
    }

    [Fact]
    public void Subgraph_of_directed_graph_filters_arcs_and_rebuilds_in_adjacency()
    {
        var builder = new GraphBuilder(directed: true);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 0);
        builder.AddEdge(2, 0);
        var graph = builder.Build();

        var sub = GraphViews.Subgraph(graph, [true, true, true], (u, v) => u < v || u == 2);

        Assert.Equal(2, sub.EdgeCount);
        Assert.Equal([2], sub.InNeighbors(0).ToArray());
        Assert.Equal([0], sub.InNeighbors(1).ToArray());
    }

    [Fact]
    public void Simple_view_symmetrises_merges_and_drops_loops()
    {
        var builder = new GraphBuilder(directed: true);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 0);
        builder.AddEdge(1, 1);
        builder.AddEdge(2, 1);
        builder.AddEdge(2, 1);
        var graph = builder.Build();

        var simple = GraphViews.Simple(graph);

        Assert.False(simple.IsDirected);
        Assert.Equal(2, simple.EdgeCount);
        Assert.Equal([0, 2], simple.Neighbors(1).ToArray());
        Assert.False(simple.HasSelfLoops);
        Assert.Same(graph.Labels, simple.Labels);
    }

    [Fact]
    public void Simple_view_of_a_simple_graph_is_the_graph_itself()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(0, 1);
        var graph = builder.Build();

        Assert.Same(graph, GraphViews.Simple(graph));
    }

    [Property(MaxTest = 200)]
    public bool Subgraph_never_contains_masked_out_nodes_or_rejected_edges(int[] endpoints, bool[] maskSeed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);
        if (graph.NodeCount == 0)
        {
            return true;
        }
        var mask = Enumerable.Range(0, graph.NodeCount).Select(i => maskSeed.Length == 0 || maskSeed[i % maskSeed.Length]).ToArray();
        bool Accept(int u, int v) => (u + v) % 3 != 0;

        var sub = GraphViews.Subgraph(graph, mask, Accept);

        var expectedLabels = Enumerable.Range(0, graph.NodeCount).Where(u => mask[u]).Select(graph.Labels.IntegerId).ToArray();
        var labels = Enumerable.Range(0, sub.NodeCount).Select(sub.Labels.IntegerId).ToArray();
        var expectedEdges = Enumerable.Range(0, graph.NodeCount)
            .SelectMany(u => graph.Neighbors(u).ToArray().Where(v => v >= u && mask[u] && mask[v] && Accept(u, v)))
            .Count();
        var edgesAreBetweenKeptNodes = Enumerable.Range(0, sub.NodeCount).All(u =>
            sub.Neighbors(u).ToArray().All(v =>
            {
                graph.Labels.TryGetNode(sub.Labels.IntegerId(u), out var ou);
                graph.Labels.TryGetNode(sub.Labels.IntegerId(v), out var ov);
                return mask[ou] && mask[ov] && Accept(Math.Min(ou, ov), Math.Max(ou, ov));
            }));
        return labels.SequenceEqual(expectedLabels) && sub.EdgeCount == expectedEdges && edgesAreBetweenKeptNodes;
    }

    [Property(MaxTest = 200)]
    public bool Rows_are_sorted_and_symmetric(int[] endpoints)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);

        var sorted = Enumerable.Range(0, graph.NodeCount).All(u => graph.Neighbors(u).ToArray().SequenceEqual(graph.Neighbors(u).ToArray().Order()));
        var symmetric = Enumerable.Range(0, graph.NodeCount).All(u =>
            graph.Neighbors(u).ToArray().All(v => graph.Neighbors(v).ToArray().Count(x => x == u) == graph.Neighbors(u).ToArray().Count(x => x == v)));
        return sorted && symmetric;
    }
}
