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
    public void Bad_options_are_rejected()
    {
        var graph = NetworkFiles.Load("karate");

        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions(Damping: 1.0)));
        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions(Personalization: new double[3])));
        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions(Personalization: new double[34])));
    }
}
