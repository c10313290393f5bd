using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Algorithms;

public sealed class PageRankTests
{
    [Fact]
    public void Karate_matches_igraph_prpack()
    {
        // igraph 0.10.2 pagerank() on karate: node 0 0.096997285388295, node 11 0.009564745492136, node 33 0.100919182332626.
        var result = PageRank.Compute(NetworkFiles.Load("karate"));

        Assert.True(result.Converged);
        Assert.True(result.Residual < 1e-10);
        Assert.Equal(0.096997285388295, result.Scores[0], 1e-9);
        Assert.Equal(0.009564745492136, result.Scores[11], 1e-9);
        Assert.Equal(0.100919182332626, result.Scores[33], 1e-9);
        Assert.Equal(1.0, result.Scores.Sum(), 1e-12);
    }

    [Fact]
    public void Personalised_karate_matches_igraph()
    {
        // igraph 0.10.2 personalized_pagerank(reset_vertices=[0]): node 0 0.266373603148431, node 33 0.051199989203177.
        var graph = NetworkFiles.Load("karate");
        var reset = new double[graph.NodeCount];
        reset[0] = 1;

        var result = PageRank.Compute(graph, new PageRankOptions(Personalization: reset));

        Assert.Equal(0.266373603148431, result.Scores[0], 1e-9);
        Assert.Equal(0.051199989203177, result.Scores[33], 1e-9);
    }

    [Fact]
    public void Directed_food_web_with_dangling_nodes_matches_igraph()
    {
        // igraph 0.10.2 pagerank() on serengeti-foodweb (directed): node 0 0.001865384457240, node 80 0.036457261366799.
        var result = PageRank.Compute(NetworkFiles.Load("serengeti-foodweb", directed: true));

        Assert.Equal(0.001865384457240, result.Scores[0], 1e-9);
        Assert.Equal(0.036457261366799, result.Scores[80], 1e-9);
    }

    [Fact]
    public void Self_loops_and_repeats_count_as_igraph_counts_them()
    {
        // igraph 0.10.2 pagerank() on quirks (10 self-loops, repeated edges, 10 isolates):
        // node 0 0.023286474123565, node 3 0.054420106721229, node 45 0.003614457831325.
        var result = PageRank.Compute(NetworkFiles.Load("quirks"));

        Assert.Equal(0.023286474123565, result.Scores[0], 1e-9);
        Assert.Equal(0.054420106721229, result.Scores[3], 1e-9);
        Assert.Equal(0.003614457831325, result.Scores[45], 1e-9);
    }

    [Fact]
    public void Weighted_graphs_match_igraph()
    {
        // igraph 0.10.2 pagerank(weights=w, damping=0.7) on arcs 0→1 (1), 1→2 (2.5), 2→0 (0.5), 2→3 (3), 3→1 (1), 4→3 (2),
        // and pagerank(weights=[1,2,3,4]) on the undirected edges 0–1, 1–2, 2–0, 2–3.
        var directed = new GraphBuilder(directed: true);
        directed.AddEdge(0, 1, 1.0);
        directed.AddEdge(1, 2, 2.5);
        directed.AddEdge(2, 0, 0.5);
        directed.AddEdge(2, 3, 3.0);
        directed.AddEdge(3, 1, 1.0);
        directed.AddEdge(4, 3, 2.0);
        var undirected = new GraphBuilder();
        undirected.AddEdge(0, 1, 1);
        undirected.AddEdge(1, 2, 2);
        undirected.AddEdge(2, 0, 3);
        undirected.AddEdge(2, 3, 4);

        var arcs = PageRank.Compute(directed.Build(), new PageRankOptions(Damping: 0.7)).Scores;
        var edges = PageRank.Compute(undirected.Build()).Scores;

        double[] expectedArcs = [0.087607305936073, 0.308675799086758, 0.276073059360731, 0.267643835616438, 0.060000000000000];
        double[] expectedEdges = [0.205757827134723, 0.162669047402196, 0.431182107190945, 0.200391018272135];
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(expectedArcs[i], arcs[i], 1e-9));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(expectedEdges[i], edges[i], 1e-9));
    }

    [Fact]
    public void Results_are_reproducible_run_to_run()
    {
        var graph = NetworkFiles.Load("as-22july06");

        Assert.Equal(PageRank.Compute(graph).Scores, PageRank.Compute(graph).Scores);
    }

    [Theory]
    [InlineData(20_000, 5)]   // Gauss–Seidel (below PageRank.GaussSeidelUpToWork)
    [InlineData(120_000, 10)] // parallel Jacobi (above it)
    public void Both_solvers_stop_at_the_fixed_point(int nodes, int edgesPerNode)
    {
        var graph = Connective.Graph.Generators.BarabasiAlbert.Generate(nodes, edgesPerNode, seed: 3);
        var work = graph.Offsets[nodes] + (long)nodes;
        Assert.Equal(nodes == 20_000, work < PageRank.GaussSeidelUpToWork);

        var scores = PageRank.Compute(graph).Scores;

        // One exact step of the walk from the result moves it by less than the 1e-9 the goldens allow (no dangling nodes here).
        var step = 0.0;
        for (var v = 0; v < nodes; v++)
        {
            var pulled = 0.0;
            foreach (var u in graph.Neighbors(v))
            {
                pulled += scores[u] / graph.Degree(u);
            }
            step += Math.Abs((0.85 * pulled) + (0.15 / nodes) - scores[v]);
        }
        Assert.True(step < 1e-9, $"one step from the result still moves it by {step:R} in L1");
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        var graph = NetworkFiles.Load("karate");

        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions(Damping: 1.0)));
        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions(Personalization: new double[3])));
        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions(Personalization: new double[34])));
    }
}
