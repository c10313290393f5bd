using Connective.Graph.Algorithms;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Algorithms;

public sealed class ClusteringTests
{
    [Fact]
    public void Karate_triangles_and_clustering_match_networkx()
    {
        // NetworkX 2.8.8 on karate_club_graph(): 45 triangles, triangles(0) = 18, triangles(33) = 15,
        // average_clustering = 0.570638478207682, transitivity = 0.255681818181818.
        var counts = Clustering.CountTriangles(NetworkFiles.Load("karate"));

        Assert.Equal(45, counts.TotalTriangles);
        Assert.Equal(18, counts.Triangles[0]);
        Assert.Equal(15, counts.Triangles[33]);
        Assert.Equal(0.570638478207682, counts.AverageClustering(), 12);
        Assert.Equal(0.255681818181818, counts.Transitivity(), 12);
    }

    [Fact]
    public void Directed_graph_uses_the_undirected_simple_view()
    {
        var builder = new GraphBuilder(directed: true);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 2);
        builder.AddEdge(2, 0);
        builder.AddEdge(0, 2);
        builder.AddEdge(2, 3);
        builder.AddEdge(3, 3);

        var counts = Clustering.CountTriangles(builder.Build());

        Assert.Equal(1, counts.TotalTriangles);
        Assert.Equal([1L, 1, 1, 0], counts.Triangles);
        Assert.Equal([1.0, 1.0, 1.0 / 3, 0.0], counts.LocalClustering());
        Assert.Equal(3.0 / 5, counts.Transitivity(), 12);
    }

    [Property(MaxTest = 200)]
    public bool Triangles_match_brute_force(int[] endpoints)
    {
        var graph = GraphViews.Simple(RandomGraphs.FromEndpoints(endpoints, directed: false));
        var counts = Clustering.CountTriangles(graph);

        var n = graph.NodeCount;
        var expected = new long[n];
        long total = 0;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                for (var c = b + 1; c < n; c++)
                {
                    if (graph.Neighbors(a).Contains(b) && graph.Neighbors(b).Contains(c) && graph.Neighbors(a).Contains(c))
                    {
                        expected[a]++;
                        expected[b]++;
                        expected[c]++;
                        total++;
                    }
                }
            }
        }
        return counts.TotalTriangles == total && counts.Triangles.SequenceEqual(expected);
    }
}
