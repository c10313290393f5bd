using Connective.Graph.Algorithms;
using Connective.Graph.Generators;
using Connective.Graph.Traversal;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Algorithms;

public sealed class ReachTests
{
    [Fact]
    public void Karate_reach_matches_igraph_neighborhood_size()
    {
        // igraph 0.10.2 neighborhood_size(order=k) − 1 for nodes 0..4: k=2 → 25,22,30,22,17; k=3 → 33,33,33,33,25.
        var graph = NetworkFiles.Load("karate");
        int[] sources = [0, 1, 2, 3, 4];

        Assert.Equal([25L, 22, 30, 22, 17], Reach.Within(graph, sources, 2));
        Assert.Equal([33L, 33, 33, 33, 25], Reach.Within(graph, sources, 3));
        Assert.Equal([25, 22, 30, 22, 17], Reach.WithinTwo(graph)[..5]);
        Assert.Equal(16, Reach.WithinOne(graph)[0]);
    }

    [Fact]
    public void Directed_reach_follows_out_edges()
    {
        // igraph 0.10.2 neighborhood_size(order=2, mode="out") − 1 on serengeti-foodweb, nodes 0..4: 5,12,7,9,4.
        var graph = NetworkFiles.Load("serengeti-foodweb", directed: true);

        Assert.Equal([5L, 12, 7, 9, 4], Reach.Within(graph, [0, 1, 2, 3, 4], 2));
        Assert.Equal([5, 12, 7, 9, 4], Reach.WithinTwo(graph)[..5]);
    }

    [Fact]
    public void Reach_within_one_ignores_self_loops_and_repeats()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(0, 0);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 0);
        builder.AddEdge(1, 2);

        var graph = builder.Build();

        Assert.Equal([1, 2, 1], Reach.WithinOne(graph));
        Assert.Equal([2, 2, 2], Reach.WithinTwo(graph));
        Assert.Equal([0L], Reach.Within(graph, [0], 0));
        Assert.Equal([1L, 2, 1], Reach.Within(graph, [0, 1, 2], 1));
    }

    [Fact]
    public void Batched_and_single_source_searches_agree_with_bfs_distances()
    {
        // Up to 65,536 nodes sources are searched 64 at a time in bit-parallel batches, above it one by one: check
        // both sides of the switch, with a partial last batch, against plain BFS distances.
        foreach (var nodes in new[] { 60_000, 70_000 })
        {
            var graph = BarabasiAlbert.Generate(nodes, 2, seed: 3);
            var sources = Enumerable.Range(0, 70).Select(i => (i * 7919) % nodes).ToArray();

            var reach = Reach.Within(graph, sources, 3);

            var expected = sources.Select(s => (long)BreadthFirstSearch.Distances(graph, s).Count(d => d is >= 1 and <= 3));
            Assert.Equal(expected, reach);
        }
    }

    [Property(MaxTest = 200)]
    public bool Exact_reach_agrees_with_bfs_distances(int[] endpoints, bool directed, byte stepsSeed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed);
        var steps = stepsSeed % 5;
        var sources = Enumerable.Range(0, graph.NodeCount).ToArray();

        var reach = Reach.Within(graph, sources, steps);
        var two = Reach.WithinTwo(graph);
        var one = Reach.WithinOne(graph);

        for (var u = 0; u < graph.NodeCount; u++)
        {
            var distance = BreadthFirstSearch.Distances(graph, u);
            if (reach[u] != distance.Count(d => d >= 1 && d <= steps)
                || two[u] != distance.Count(d => d is >= 1 and <= 2)
                || one[u] != distance.Count(d => d == 1))
            {
                return false;
            }
        }
        return true;
    }
}
