using Connective.Graph.Generators;
using Connective.Graph.Layout;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Layout;

public sealed class ForceLayoutTests
{
    [Fact]
    public void Same_seed_gives_identical_positions_and_another_seed_different_ones()
    {
        var graph = BarabasiAlbert.Generate(300, 2, seed: 3);

        var a = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 7, Iterations = 60 });
        var b = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 7, Iterations = 60 });
        var c = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 8, Iterations = 60 });

        Assert.Equal(a.X, b.X);
        Assert.Equal(a.Y, b.Y);
        Assert.Equal(60, a.Iterations);
        var moved = Enumerable.Range(0, graph.NodeCount).Count(u => a.X[u] != c.X[u] || a.Y[u] != c.Y[u]);
        Assert.Equal(graph.NodeCount, moved);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Nodes_sit_closer_to_their_own_planted_community_than_to_any_other(bool linLog, bool strongGravity)
    {
        // Four planted blocks of 100: about 10 ties inside a block and 1.5 to the other three per node.
        const int blocks = 4, size = 100;
        var probabilities = Enumerable.Range(0, blocks)
            .Select(a => (IReadOnlyList<double>)Enumerable.Range(0, blocks).Select(b => a == b ? 0.1 : 0.005).ToArray())
            .ToArray();
        var graph = StochasticBlockModel.Generate(Enumerable.Repeat(size, blocks).ToArray(), probabilities, seed: 11);

        var layout = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 1, Iterations = 300, LinLog = linLog, StrongGravity = strongGravity });

        var centreX = new double[blocks];
        var centreY = new double[blocks];
        for (var u = 0; u < graph.NodeCount; u++)
        {
            centreX[u / size] += layout.X[u] / (double)size;
            centreY[u / size] += layout.Y[u] / (double)size;
        }
        var nearestOwn = 0;
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var own = Distance(layout, u, centreX[u / size], centreY[u / size]);
            var nearestOther = Enumerable.Range(0, blocks).Where(b => b != u / size).Min(b => Distance(layout, u, centreX[b], centreY[b]));
            nearestOwn += own < nearestOther ? 1 : 0;
        }
        // A random placement would put about a quarter of the nodes nearest their own centre.
        Assert.True(nearestOwn >= 0.95 * graph.NodeCount, $"{nearestOwn} of {graph.NodeCount} nodes are nearest their own community's centre.");
    }

    [Fact]
    public void Linked_nodes_end_closer_together_than_unlinked_ones()
    {
        var graph = WattsStrogatz.Generate(400, 6, 0.05, seed: 5);

        var layout = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 2, Iterations = 300 });

        double linked = 0, all = 0;
        long linkedCount = 0, allCount = 0;
        for (var u = 0; u < graph.NodeCount; u++)
        {
            foreach (var v in graph.Neighbors(u))
            {
                linked += Distance(layout, u, layout.X[v], layout.Y[v]);
                linkedCount++;
            }
            for (var v = u + 1; v < graph.NodeCount; v += 7)
            {
                all += Distance(layout, u, layout.X[v], layout.Y[v]);
                allCount++;
            }
        }
        Assert.True(linked / linkedCount < 0.2 * (all / allCount), $"mean edge length {linked / linkedCount}, mean distance {all / allCount}");
    }

    [Fact]
    public void Empty_graph_gives_no_positions()
    {
        var layout = ForceLayout.Compute(new GraphBuilder().Build());

        Assert.Empty(layout.X);
        Assert.Empty(layout.Y);
    }

    [Fact]
    public void A_single_node_stays_finite()
    {
        var builder = new GraphBuilder();
        builder.AddNode(0);

        var layout = ForceLayout.Compute(builder.Build(), new ForceLayoutOptions { Iterations = 200 });

        AssertFinite(layout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Isolated_nodes_and_separate_components_stay_near_the_rest(bool strongGravity)
    {
        // A 200-node component, a separate triangle and 30 isolated nodes.
        var builder = new GraphBuilder();
        var core = BarabasiAlbert.Generate(200, 2, seed: 9);
        for (var u = 0; u < core.NodeCount; u++)
        {
            foreach (var v in core.Neighbors(u))
            {
                builder.AddEdge(u, v);
            }
        }
        builder.AddEdge(200, 201);
        builder.AddEdge(201, 202);
        builder.AddEdge(202, 200);
        builder.DeclareNodes(233);
        var graph = builder.Build();

        var layout = ForceLayout.Compute(graph, new ForceLayoutOptions { Iterations = 400, StrongGravity = strongGravity });

        AssertFinite(layout);
        var coreRadius = Enumerable.Range(0, 200).Max(u => Distance(layout, u, 0, 0));
        var outerRadius = Enumerable.Range(200, 33).Max(u => Distance(layout, u, 0, 0));
        Assert.True(outerRadius < 3 * coreRadius, $"the farthest isolated or separate node is {outerRadius} from the centre, the component's farthest {coreRadius}");
    }

    [Fact]
    public void Self_loops_multi_edges_weights_and_coincident_starts_give_finite_positions()
    {
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Keep, SelfLoops = SelfLoopPolicy.Keep };
        builder.AddEdge(0, 0, 3);
        builder.AddEdge(0, 1, 2);
        builder.AddEdge(0, 1, 2);
        builder.AddEdge(1, 2, 0);
        builder.AddEdge(2, 2, 1);
        builder.AddEdge(3, 4, 1e6);
        var graph = builder.Build();

        foreach (var options in AllModels(iterations: 300))
        {
            AssertFinite(ForceLayout.Compute(graph, options));
        }
    }

    [Fact]
    public void Directed_graphs_are_laid_out_as_undirected()
    {
        var directed = new GraphBuilder(directed: true);
        var undirected = new GraphBuilder();
        foreach (var (u, v) in new[] { (0, 1), (1, 2), (2, 0), (3, 0), (4, 3) })
        {
            directed.AddEdge(u, v);
            undirected.AddEdge(u, v);
        }

        var a = ForceLayout.Compute(directed.Build(), new ForceLayoutOptions { Iterations = 50 });
        var b = ForceLayout.Compute(undirected.Build(), new ForceLayoutOptions { Iterations = 50 });

        Assert.Equal(b.X, a.X);
        Assert.Equal(b.Y, a.Y);
    }

    [Fact]
    public void Exact_repulsion_and_barnes_hut_agree_closely_on_a_small_graph()
    {
        var graph = BarabasiAlbert.Generate(150, 2, seed: 4);

        var exact = ForceLayout.Compute(graph, new ForceLayoutOptions { Iterations = 1, BarnesHutTheta = 0 });
        var approximate = ForceLayout.Compute(graph, new ForceLayoutOptions { Iterations = 1, BarnesHutTheta = 0.3 });

        // After one step from the same start the two differ only by the approximation of the repulsion.
        var start = ForceLayout.Compute(graph, new ForceLayoutOptions { Iterations = 0 });
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var stepExact = Distance(exact, u, start.X[u], start.Y[u]);
            var gap = Distance(exact, u, approximate.X[u], approximate.Y[u]);
            Assert.True(gap <= (0.05 * stepExact) + 1e-3, $"node {u}: exact step {stepExact}, Barnes–Hut off by {gap}");
        }
    }

    [Fact]
    public void Zero_iterations_returns_the_seeded_start()
    {
        var graph = ErdosRenyi.Gnp(50, 0.1, seed: 1);

        var layout = ForceLayout.Compute(graph, new ForceLayoutOptions { Iterations = 0, Seed = 3 });

        Assert.Equal(0, layout.Iterations);
        Assert.Equal(50, layout.X.Distinct().Count());
    }

    [Fact]
    public void Cancellation_stops_the_layout()
    {
        var graph = ErdosRenyi.Gnp(200, 0.05, seed: 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => ForceLayout.Compute(graph, new ForceLayoutOptions(), cancelled.Token));
    }

    public static TheoryData<string, ForceLayoutOptions> BadOptions() => new()
    {
        { "Iterations", new ForceLayoutOptions { Iterations = -1 } },
        { "BarnesHutTheta", new ForceLayoutOptions { BarnesHutTheta = -0.5 } },
        { "BarnesHutTheta", new ForceLayoutOptions { BarnesHutTheta = double.NaN } },
        { "Gravity", new ForceLayoutOptions { Gravity = -1 } },
        { "Gravity", new ForceLayoutOptions { Gravity = double.PositiveInfinity } },
        { "ScalingRatio", new ForceLayoutOptions { ScalingRatio = 0 } },
        { "ScalingRatio", new ForceLayoutOptions { ScalingRatio = double.NaN } },
        { "EdgeWeightInfluence", new ForceLayoutOptions { EdgeWeightInfluence = -2 } },
        { "JitterTolerance", new ForceLayoutOptions { JitterTolerance = 0 } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Out_of_range_options_are_rejected_by_name(string name, ForceLayoutOptions options)
    {
        var graph = ErdosRenyi.Gnp(10, 0.3, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => ForceLayout.Compute(graph, options));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith(name + " is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_edge_weight_is_rejected_naming_the_edge()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(1, 2, 1);
        builder.AddEdge(2, 3, -4);

        var graph = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => ForceLayout.Compute(graph));

        Assert.Contains("nodes 2 and 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("-4", error.Message, StringComparison.Ordinal);
        // Weights are not read when their influence is 0.
        AssertFinite(ForceLayout.Compute(graph, new ForceLayoutOptions { EdgeWeightInfluence = 0, Iterations = 20 }));
    }

    [Property(MaxTest = 100)]
    public bool Any_small_graph_gets_finite_positions(int[] endpoints, bool directed, bool linLog, bool strongGravity, ulong seed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed);
        var layout = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = seed, Iterations = 40, LinLog = linLog, StrongGravity = strongGravity });
        return layout.X.Length == graph.NodeCount && IsFinite(layout);
    }

    private static IEnumerable<ForceLayoutOptions> AllModels(int iterations)
    {
        foreach (var linLog in new[] { false, true })
        {
            foreach (var strong in new[] { false, true })
            {
                foreach (var dissuade in new[] { false, true })
                {
                    yield return new ForceLayoutOptions { Iterations = iterations, LinLog = linLog, StrongGravity = strong, DissuadeHubs = dissuade };
                }
            }
        }
    }

    private static double Distance(NodePositions layout, int u, double x, double y) =>
        Math.Sqrt(((layout.X[u] - x) * (layout.X[u] - x)) + ((layout.Y[u] - y) * (layout.Y[u] - y)));

    private static bool IsFinite(NodePositions layout) =>
        layout.X.All(float.IsFinite) && layout.Y.All(float.IsFinite);

    private static void AssertFinite(NodePositions layout) =>
        Assert.True(IsFinite(layout), "a coordinate is NaN or infinite");
}
