using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Algorithms;

public sealed class HyperAnfTests
{
    [Fact]
    public void Estimates_are_close_to_exact_reach_within_three_steps()
    {
        // as-22july06 (22,963 nodes): reach within 3 ranges from a few nodes to most of the graph.
        var graph = NetworkFiles.Load("as-22july06");
        var sources = Enumerable.Range(0, graph.NodeCount).Where(u => u % 23 == 0).ToArray();

        var exact = Reach.Within(graph, sources, 3);
        var estimates = HyperAnf.ReachWithin(graph, 3, seed: 11);

        var relative = sources.Select((u, i) => (estimates[u] - exact[i]) / Math.Max(1, exact[i])).ToArray();
        var rms = Math.Sqrt(relative.Average(r => r * r));
        var within20 = relative.Count(r => Math.Abs(r) <= 0.2) / (double)relative.Length;
        Assert.True(rms <= 0.07, $"RMS relative error {rms:P2}");
        Assert.True(within20 >= 0.99, $"Within 20%: {within20:P2}");
    }

    [Fact]
    public void Small_balls_are_counted_almost_exactly()
    {
        // A path: reach within 3 is 3..6 nodes, where the estimator's small-range behaviour is near exact.
        var builder = new GraphBuilder();
        for (var u = 0; u < 199; u++)
        {
            builder.AddEdge(u, u + 1);
        }
        var graph = builder.Build();

        var estimates = HyperAnf.ReachWithin(graph, 3);

        Assert.Equal(3, estimates[0], 0.5);
        Assert.Equal(6, estimates[100], 0.5);
    }

    [Fact]
    public void Estimator_tracks_known_cardinalities()
    {
        // Sketches filled with n distinct hashed nodes: the estimate's relative error stays within a few standard errors.
        foreach (var n in new[] { 10, 1_000, 100_000 })
        {
            var sketch = new byte[512];
            for (var node = 0; node < n; node++)
            {
                var (index, value) = HyperAnf.HashNode(node, 42, 10);
                ref var b = ref sketch[index >> 1];
                var shift = (index & 1) * 4;
                if (value > ((b >> shift) & 0xF))
                {
                    b = (byte)((b & ~(0xF << shift)) | (value << shift));
                }
            }

            var estimate = HyperAnf.Estimate(sketch, 10);

            Assert.InRange(estimate, n * 0.9, n * 1.1);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_estimates()
    {
        var graph = NetworkFiles.Load("karate");

        Assert.Equal(HyperAnf.ReachWithin(graph, 2, seed: 5), HyperAnf.ReachWithin(graph, 2, seed: 5));
    }
}
