using Connective.Graph.Algorithms;
using FsCheck.Xunit;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class BridgesAndArticulationPointsTests
{
    [Theory]
    [InlineData("karate")]
    [InlineData("florentine")]
    public void Matches_networkx(string name)
    {
        var (bridges, points) = name == "karate"
            ? (ReferenceValues.KarateBridges, ReferenceValues.KarateArticulationPoints)
            : (ReferenceValues.FlorentineBridges, ReferenceValues.FlorentineArticulationPoints);

        var result = BridgesAndArticulationPoints.Find(Load(name));

        Assert.Equal(bridges.Select(b => new NodePair(b.Item1, b.Item2)), result.Bridges);
        Assert.Equal(points, result.ArticulationPoints);
    }

    [Fact]
    public void Parallel_edges_are_not_bridges_and_self_loops_change_nothing()
    {
        var result = BridgesAndArticulationPoints.Find(Load("quirks"));

        Assert.Equal(ReferenceValues.QuirksBridges.Select(b => new NodePair(b.Item1, b.Item2)), result.Bridges);
        Assert.Equal(ReferenceValues.QuirksArticulationPoints, result.ArticulationPoints);
    }

    [Fact]
    public void A_path_of_a_million_nodes_does_not_overflow_the_stack()
    {
        const int n = 1_000_000;
        var builder = new GraphBuilder();
        builder.DeclareNodes(n);
        for (var v = 1; v < n; v++)
        {
            builder.AddEdge(v - 1, v);
        }

        var result = BridgesAndArticulationPoints.Find(builder.Build());

        Assert.Equal(n - 1, result.Bridges.Count);
        Assert.Equal(n - 2, result.ArticulationPoints.Count);
    }

    [Fact]
    public void Directions_are_ignored_and_opposite_arcs_count_as_two_edges()
    {
        // 0→1, 1→0 form a double tie; 1→2 is a bridge; 1 is the articulation point.
        var graph = FromEdges(3, directed: true, (0, 1), (1, 0), (1, 2));

        var result = BridgesAndArticulationPoints.Find(graph);

        Assert.Equal([new NodePair(1, 2)], result.Bridges);
        Assert.Equal([1], result.ArticulationPoints);
    }

    // Removing a bridge splits its component (one more component); removing any other edge does not.
    [Property(MaxTest = 100)]
    public bool Removing_a_bridge_adds_a_component_and_removing_another_edge_does_not(int[] endpoints)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);
        var bridges = BridgesAndArticulationPoints.Find(graph).Bridges.ToHashSet();
        var before = ComponentCount(graph, -1, -1);
        for (var u = 0; u < graph.NodeCount; u++)
        {
            foreach (var v in graph.Neighbors(u).ToArray().Distinct())
            {
                if (v <= u)
                {
                    continue;
                }
                var after = ComponentCount(graph, u, v);
                if (after != before + (bridges.Contains(new NodePair(u, v)) ? 1 : 0))
                {
                    return false;
                }
            }
        }
        return true;
    }

    // Removing an articulation point (with its edges) leaves more components among the other nodes than before.
    [Property(MaxTest = 100)]
    public bool Removing_an_articulation_point_adds_components(int[] endpoints)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);
        var points = BridgesAndArticulationPoints.Find(graph).ArticulationPoints.ToHashSet();
        var before = ComponentCount(graph, -1, -1);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            // Without v, one fewer node: a non-articulation node leaves before − 1 (if isolated) or before components.
            var mask = Enumerable.Range(0, graph.NodeCount).Select(i => i != v).ToArray();
            var after = ComponentCount(GraphViews.Subgraph(graph, mask), -1, -1);
            var isolated = graph.Neighbors(v).ToArray().All(w => w == v);
            var expectedWithout = isolated ? before - 1 : before;
            if (points.Contains(v) ? after <= expectedWithout : after != expectedWithout)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Components after removing one copy of the edge (u, v) (none when u is −1), by union–find.</summary>
    private static int ComponentCount(CsrGraph graph, int removedU, int removedV)
    {
        var parent = Enumerable.Range(0, graph.NodeCount).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var components = graph.NodeCount;
        var skippedFromU = false;
        var skippedFromV = false;
        for (var u = 0; u < graph.NodeCount; u++)
        {
            foreach (var v in graph.Neighbors(u))
            {
                // The edge sits in both endpoints' rows: skip its first entry in each.
                if (u == removedU && v == removedV && !skippedFromU)
                {
                    skippedFromU = true;
                    continue;
                }
                if (u == removedV && v == removedU && !skippedFromV)
                {
                    skippedFromV = true;
                    continue;
                }
                var (a, b) = (Find(u), Find(v));
                if (a != b)
                {
                    parent[a] = b;
                    components--;
                }
            }
        }
        return components;
    }
}
