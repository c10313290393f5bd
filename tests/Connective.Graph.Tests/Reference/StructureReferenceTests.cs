using Connective.Graph.Algorithms;
using Connective.Graph.Traversal;

namespace Connective.Graph.Tests.Reference;

/// <summary>Reach, brokerage, bridges and articulation points against igraph and NetworkX (issue 3 §6).</summary>
public sealed class StructureReferenceTests
{
    [Theory]
    [MemberData(nameof(GoldenGraph.SmallGraphs), MemberType = typeof(GoldenGraph))]
    public void Bounded_bfs_reach_within_1_2_3_matches_igraph(string name) => CheckBoundedBfsReach(name);

    internal static void CheckBoundedBfsReach(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();
        var bfs = new BoundedBfs(graph);
        var reach = new long[3][];
        for (var k = 0; k < 3; k++)
        {
            reach[k] = new long[graph.NodeCount];
        }

        for (var node = 0; node < graph.NodeCount; node++)
        {
            var result = bfs.Run(node, 3);
            // The first node is the source itself (depth 0), which reach excludes.
            foreach (var depth in result.Depths[1..])
            {
                for (var k = depth; k <= 3; k++)
                {
                    reach[k - 1][node]++;
                }
            }
        }

        for (var k = 1; k <= 3; k++)
        {
            var counts = reach[k - 1];
            ReferenceAssert.Integers(golden, graph, $"reach{k}", node => counts[node]);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Constraint_and_effective_size_match_networkx(string name)
    {
        var golden = GoldenGraph.Load(name);
        var simple = GraphViews.Simple(golden.LoadSimple());

        var constraint = Brokerage.Constraint(simple);
        var effectiveSize = Brokerage.EffectiveSize(simple);

        ReferenceAssert.Floats(golden, simple, "constraint", node => constraint[node]);
        ReferenceAssert.Floats(golden, simple, "effective_size", node => effectiveSize[node]);
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Bridges_and_articulation_points_match_networkx(string name)
    {
        var golden = GoldenGraph.Load(name);
        var simple = GraphViews.Simple(golden.LoadSimple());

        var cuts = BridgesAndArticulationPoints.Find(simple);

        var expectedBridges = golden.Root.GetProperty("bridges").EnumerateArray()
            .Select(pair => (pair[0].GetInt64(), pair[1].GetInt64()))
            .ToArray();
        var actualBridges = cuts.Bridges
            .Select(b => (simple.Labels.IntegerId(b.Source), simple.Labels.IntegerId(b.Target)))
            .Select(b => b.Item1 <= b.Item2 ? b : (b.Item2, b.Item1))
            .Order()
            .ToArray();
        Assert.Equal(expectedBridges, actualBridges);
        var actualPoints = cuts.ArticulationPoints.Select(simple.Labels.IntegerId).Order().ToArray();
        Assert.Equal(golden.LongArray("articulation_points"), actualPoints);
    }
}
