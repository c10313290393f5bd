using Connective.Graph.Algorithms;
using FsCheck.Xunit;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class BetweennessTests
{
    [Fact]
    public void Karate_matches_networkx_and_igraph()
    {
        var graph = Load("karate");

        var result = Betweenness.Exact(graph);

        AssertClose(ReferenceValues.KarateBetweenness, result);
    }

    [Fact]
    public void Florentine_with_an_isolated_family_matches_networkx()
    {
        var graph = Load("florentine");

        var result = Betweenness.Exact(graph);

        AssertClose(ReferenceValues.FlorentineBetweenness, result);
    }

    [Fact]
    public void Directed_graph_counts_ordered_pairs_along_arcs()
    {
        var graph = Directed();

        var result = Betweenness.Exact(graph);

        AssertClose(ReferenceValues.DirectedBetweenness, result);
    }

    [Fact]
    public void Path_centre_lies_on_every_path_between_the_two_sides()
    {
        // Path 0-1-2-3-4: node 2 separates {0,1} from {3,4}: 4 pairs; node 1 separates 0 from {2,3,4}: 3 pairs.
        var graph = FromEdges(5, directed: false, (0, 1), (1, 2), (2, 3), (3, 4));

        var result = Betweenness.Exact(graph);

        Assert.Equal([0.0, 3.0, 4.0, 3.0, 0.0], result);
    }

    [Fact]
    public void Parallel_result_is_identical_across_runs()
    {
        var graph = Load("dolphins");

        var first = Betweenness.Exact(graph);
        var second = Betweenness.Exact(graph);

        Assert.Equal(first, second);
    }

    // On a connected undirected graph, Σ_v B(v) = Σ over unordered pairs of (d(s,t) − 1): every shortest path
    // between s and t has d − 1 interior nodes, and the shares over those paths sum to 1 per interior position.
    [Property(MaxTest = 60)]
    public bool Sum_equals_the_interior_nodes_of_all_shortest_paths(int[] endpoints)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);
        var result = Betweenness.Exact(graph);

        var expected = 0.0;
        for (var s = 0; s < graph.NodeCount; s++)
        {
            var distances = Connective.Graph.Traversal.BreadthFirstSearch.Distances(graph, s);
            for (var t = s + 1; t < graph.NodeCount; t++)
            {
                if (distances[t] > 0)
                {
                    expected += distances[t] - 1;
                }
            }
        }
        return Math.Abs(result.Sum() - expected) <= 1e-9 * Math.Max(1, expected);
    }
}
