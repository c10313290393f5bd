using Connective.Graph.Generators;
using Connective.Graph.Layout;
using Connective.Graph.Tests.Algorithms;

namespace Connective.Graph.Tests.Layout;

/// <summary>The layout must not depend on how many workers compute the forces.</summary>
[Collection(WorkerCountSetting.Name)]
public sealed class ForceLayoutWorkerCountTests
{
    [Fact]
    public void Same_seed_gives_identical_positions_with_one_two_or_five_workers()
    {
        // 3,000 nodes: well above the size from which the forces are computed in parallel chunks.
        var graph = BarabasiAlbert.Generate(3000, 3, seed: 21);
        var options = new ForceLayoutOptions { Seed = 5, Iterations = 25 };

        var layouts = new[] { 1, 2, 5 }.Select(workers =>
        {
            using (new WorkerLimit(workers))
            {
                return ForceLayout.Compute(graph, options);
            }
        }).ToArray();

        foreach (var layout in layouts.Skip(1))
        {
            Assert.Equal(layouts[0].X, layout.X);
            Assert.Equal(layouts[0].Y, layout.Y);
        }
    }
}
