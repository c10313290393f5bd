using Connective.Graph.Algorithms;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class ApproximateBetweennessTests
{
    [Fact]
    public void Error_bound_holds_in_all_but_about_delta_of_100_seeds()
    {
        const double epsilon = 0.02;
        const double delta = 0.1;
        var graph = Load("karate");
        var n = graph.NodeCount;
        // Normalised betweenness b(v) = 2·B(v) / (n(n−1)) for undirected B counted over unordered pairs.
        var exact = Betweenness.Exact(graph).Select(b => 2 * b / (n * (n - 1.0))).ToArray();

        var failures = 0;
        for (ulong seed = 0; seed < 100; seed++)
        {
            var estimate = ApproximateBetweenness.Estimate(graph, epsilon, delta, seed);
            var maxError = exact.Select((b, v) => Math.Abs(b - estimate.Normalized[v])).Max();
            if (maxError > epsilon)
            {
                failures++;
            }
        }

        Assert.True(failures <= (int)Math.Ceiling(100 * delta) + 2, $"ε exceeded in {failures} of 100 runs");
    }

    [Fact]
    public void Sample_size_follows_the_riondato_kornaropoulos_bound()
    {
        // Vertex diameter ≤ 9 → ⌊log2(7)⌋ + 1 = 3; (0.5 / 0.01²)(3 + ln 10) = 5000 · 5.302585… → 26,513 after rounding up.
        Assert.Equal(26513, ApproximateBetweenness.SampleSize(9, 0.01, 0.1));
    }

    [Fact]
    public void Vertex_diameter_bound_covers_the_longest_shortest_path()
    {
        // A path of 6 nodes has vertex diameter 6; the bound from any start is at least that.
        var graph = FromEdges(6, directed: false, (0, 1), (1, 2), (2, 3), (3, 4), (4, 5));

        Assert.InRange(ApproximateBetweenness.VertexDiameterBound(graph), 6, 6);
    }

    [Fact]
    public void Values_use_the_scale_of_the_exact_computation()
    {
        var graph = Load("florentine");
        var estimate = ApproximateBetweenness.Estimate(graph, 0.01, 0.05, seed: 9);
        var exact = Betweenness.Exact(graph);

        // On the unnormalised scale the error bound is ε·n(n−1)/2 = 0.01·105.
        for (var v = 0; v < graph.NodeCount; v++)
        {
            Assert.InRange(estimate.Values[v], exact[v] - 1.05, exact[v] + 1.05);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_estimate()
    {
        var graph = Load("dolphins");

        var first = ApproximateBetweenness.Estimate(graph, 0.05, 0.1, seed: 3);
        var second = ApproximateBetweenness.Estimate(graph, 0.05, 0.1, seed: 3);

        Assert.Equal(first.Values, second.Values);
    }
}
