using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Algorithms;

public sealed class EigenvectorCentralityTests
{
    [Fact]
    public void Karate_matches_igraph_with_unit_norm()
    {
        // igraph 0.10.2 eigenvector_centrality(scale=False): node 0 0.355491444524567, node 33 0.373363470291483.
        var result = EigenvectorCentrality.Compute(NetworkFiles.Load("karate"));

        Assert.True(result.Converged);
        Assert.Equal(0.355491444524567, result.Scores[0], 1e-9);
        Assert.Equal(0.373363470291483, result.Scores[33], 1e-9);
        Assert.Equal(1.0, Math.Sqrt(result.Scores.Sum(x => x * x)), 1e-12);
    }

    [Fact]
    public void Bipartite_path_converges_to_the_perron_vector()
    {
        // Path 0–1–2: eigenvalues √2, 0, −√2 (as large in size as the top one); eigenvector (1, √2, 1) / 2.
        var builder = new GraphBuilder();
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 2);

        var result = EigenvectorCentrality.Compute(builder.Build());

        Assert.True(result.Converged);
        Assert.Equal(0.5, result.Scores[0], 1e-12);
        Assert.Equal(Math.Sqrt(2) / 2, result.Scores[1], 1e-12);
        Assert.Equal(0.5, result.Scores[2], 1e-12);
    }

    [Fact]
    public void Star_centre_has_the_largest_score()
    {
        // Star with centre 0 and 4 leaves: eigenvector (2, 1, 1, 1, 1) / √8.
        var builder = new GraphBuilder();
        for (var leaf = 1; leaf <= 4; leaf++)
        {
            builder.AddEdge(0, leaf);
        }

        var result = EigenvectorCentrality.Compute(builder.Build());

        Assert.Equal(2 / Math.Sqrt(8), result.Scores[0], 1e-9);
        Assert.Equal(1 / Math.Sqrt(8), result.Scores[3], 1e-9);
    }
}
