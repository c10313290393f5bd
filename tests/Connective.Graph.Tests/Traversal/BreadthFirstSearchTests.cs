using Connective.Graph.Traversal;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Traversal;

public sealed class BreadthFirstSearchTests
{
    [Fact]
    public void Distances_on_a_path_with_an_unreachable_node()
    {
        var builder = new GraphBuilder();
        builder.DeclareNodes(5);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 2);
        builder.AddEdge(2, 3);
        var graph = builder.Build();

        var distances = BreadthFirstSearch.Distances(graph, 1);

        Assert.Equal([1, 0, 1, 2, BreadthFirstSearch.Unreachable], distances);
    }

    [Fact]
    public void Distances_follow_arcs_forward_only()
    {
        var builder = new GraphBuilder(directed: true);
        builder.AddEdge(0, 1);
        builder.AddEdge(2, 1);
        var graph = builder.Build();

        Assert.Equal([0, 1, -1], BreadthFirstSearch.Distances(graph, 0));
        Assert.Equal([-1, 0, -1], BreadthFirstSearch.Distances(graph, 1));
    }

    [Fact]
    public void Bounded_bfs_stops_at_the_depth_and_reports_depths_in_order()
    {
        // Zachary's karate club: node 0's neighbourhood at depths 1 and 2 is known from NetworkX
        // (16 neighbours, 9 more nodes at distance 2, the remaining 8 at distance 3).
        var graph = LoadKarate();
        var bfs = new BoundedBfs(graph);

        var one = bfs.Run(0, 1);
        Assert.Equal(17, one.Count);
        Assert.Equal(0, one.Nodes[0]);
        var two = bfs.Run(0, 2);
        Assert.Equal(26, two.Count);
        Assert.Equal(9, two.Depths.ToArray().Count(d => d == 2));
        var all = bfs.Run(0, 10);
        Assert.Equal(34, all.Count);
        Assert.Equal(3, all.Depths[^1]);
    }

    [Fact]
    public void Bounded_bfs_reuses_scratch_across_many_calls()
    {
        var graph = LoadKarate();
        var bfs = new BoundedBfs(graph);

        for (var i = 0; i < 1000; i++)
        {
            var result = bfs.Run(i % 34, 2);
            Assert.Equal(result.Count, result.Nodes.ToArray().Distinct().Count());
        }
        Assert.Equal(1, bfs.Run(5, 0).Count);
    }

    [Property(MaxTest = 200)]
    public bool Bfs_distances_satisfy_the_edge_triangle_inequality(int[] endpoints, int sourceSeed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: true);
        if (graph.NodeCount == 0)
        {
            return true;
        }
        var source = (int)((uint)sourceSeed % (uint)graph.NodeCount);

        var distance = BreadthFirstSearch.Distances(graph, source);

        // For every arc u→v with u reachable: d(v) ≤ d(u) + 1; and every reached node but the source has a parent one closer.
        for (var u = 0; u < graph.NodeCount; u++)
        {
            foreach (var v in graph.Neighbors(u))
            {
                if (distance[u] >= 0 && (distance[v] < 0 || distance[v] > distance[u] + 1))
                {
                    return false;
                }
            }
            if (u != source && distance[u] > 0 && !graph.InNeighbors(u).ToArray().Any(p => distance[p] == distance[u] - 1))
            {
                return false;
            }
        }
        return distance[source] == 0;
    }

    [Property(MaxTest = 200)]
    public bool Bounded_bfs_agrees_with_distances(int[] endpoints, int sourceSeed, byte depthSeed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);
        if (graph.NodeCount == 0)
        {
            return true;
        }
        var source = (int)((uint)sourceSeed % (uint)graph.NodeCount);
        var maxDepth = depthSeed % 5;
        var distance = BreadthFirstSearch.Distances(graph, source);

        var result = new BoundedBfs(graph).Run(source, maxDepth);

        var expected = Enumerable.Range(0, graph.NodeCount).Where(v => distance[v] >= 0 && distance[v] <= maxDepth).Order();
        var nodes = result.Nodes.ToArray();
        var depths = result.Depths.ToArray();
        var depthsMatch = Enumerable.Range(0, nodes.Length).All(i => depths[i] == distance[nodes[i]]);
        return nodes.Order().SequenceEqual(expected) && depthsMatch;
    }

    private static CsrGraph LoadKarate() => NetworkFiles.Load("karate");
}
