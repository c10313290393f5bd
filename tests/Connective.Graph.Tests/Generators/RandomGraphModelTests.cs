using Connective.Graph.Generators;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Generators;

public sealed class ErdosRenyiTests
{
    [Fact]
    public void Gnp_edge_count_is_near_its_expectation()
    {
        // n = 2000, p = 0.005: expectation p·n(n−1)/2 = 9995, standard deviation ≈ 100.
        var graph = ErdosRenyi.Gnp(2000, 0.005, seed: 1);

        Assert.Equal(2000, graph.NodeCount);
        Assert.InRange(graph.EdgeCount, 9995 - 500, 9995 + 500);
        AssertSimple(graph);
    }

    [Fact]
    public void Gnp_with_p_one_is_complete_and_with_p_zero_is_empty()
    {
        Assert.Equal(45, ErdosRenyi.Gnp(10, 1, seed: 0).EdgeCount);
        Assert.Equal(0, ErdosRenyi.Gnp(10, 0, seed: 0).EdgeCount);
    }

    [Fact]
    public void Gnm_has_exactly_m_distinct_edges()
    {
        var graph = ErdosRenyi.Gnm(1000, 5000, seed: 2);

        Assert.Equal(5000, graph.EdgeCount);
        AssertSimple(graph);
    }

    [Fact]
    public void Gnm_can_fill_the_complete_graph()
    {
        Assert.Equal(190, ErdosRenyi.Gnm(20, 190, seed: 3).EdgeCount);
    }

    [Fact]
    public void Same_seed_same_graph_and_different_seed_different_graph()
    {
        var a = ErdosRenyi.Gnp(500, 0.02, seed: 7);
        var b = ErdosRenyi.Gnp(500, 0.02, seed: 7);
        var c = ErdosRenyi.Gnp(500, 0.02, seed: 8);

        Assert.Equal(a.Targets, b.Targets);
        Assert.NotEqual(a.Targets, c.Targets);
    }

    [Fact]
    public void Probability_outside_the_unit_interval_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErdosRenyi.Gnp(10, 1.5, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErdosRenyi.Gnm(10, 46, seed: 0));
    }

    [Property(MaxTest = 50)]
    public bool Gnm_always_gives_m_edges(ushort nodes, uint edges, ulong seed)
    {
        var n = (nodes % 60) + 1;
        var m = edges % ((n * (n - 1) / 2) + 1);
        var graph = ErdosRenyi.Gnm(n, m, seed);
        return graph.EdgeCount == m && !graph.HasRepeatedEdges && !graph.HasSelfLoops;
    }

    internal static void AssertSimple(CsrGraph graph)
    {
        Assert.False(graph.HasSelfLoops);
        Assert.False(graph.HasRepeatedEdges);
    }
}

public sealed class BarabasiAlbertTests
{
    [Fact]
    public void Edge_count_is_m_plus_m_per_added_node()
    {
        var graph = BarabasiAlbert.Generate(10_000, 3, seed: 1);

        Assert.Equal(3 + ((10_000 - 4) * 3L), graph.EdgeCount);
        ErdosRenyiTests.AssertSimple(graph);
    }

    [Fact]
    public void Every_added_node_has_degree_at_least_m_and_hubs_emerge()
    {
        var graph = BarabasiAlbert.Generate(20_000, 4, seed: 5);

        for (var v = 5; v < graph.NodeCount; v++)
        {
            Assert.True(graph.Degree(v) >= 4);
        }
        // Preferential attachment gives a heavy tail: the largest degree is far above the mean of about 8.
        Assert.True(Enumerable.Range(0, graph.NodeCount).Max(graph.Degree) > 100);
    }

    [Fact]
    public void Same_seed_same_graph()
    {
        Assert.Equal(BarabasiAlbert.Generate(3000, 2, seed: 4).Targets, BarabasiAlbert.Generate(3000, 2, seed: 4).Targets);
    }

    [Fact]
    public void Too_few_nodes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BarabasiAlbert.Generate(3, 3, seed: 0));
    }
}

public sealed class WattsStrogatzTests
{
    [Fact]
    public void Without_rewiring_it_is_the_ring_lattice()
    {
        var graph = WattsStrogatz.Generate(10, 4, 0, seed: 0);

        Assert.Equal(20, graph.EdgeCount);
        Assert.Equal([1, 2, 8, 9], graph.Neighbors(0).ToArray());
    }

    [Fact]
    public void Rewiring_keeps_the_edge_count_and_a_simple_graph()
    {
        var graph = WattsStrogatz.Generate(5000, 6, 0.3, seed: 2);

        Assert.Equal(15_000, graph.EdgeCount);
        ErdosRenyiTests.AssertSimple(graph);
    }

    [Fact]
    public void Full_rewiring_breaks_the_lattice()
    {
        var graph = WattsStrogatz.Generate(1000, 4, 1, seed: 3);

        var latticeEdges = 0;
        for (var u = 0; u < 1000; u++)
        {
            latticeEdges += graph.Neighbors(u).ToArray().Count(v => Math.Min((u - v + 1000) % 1000, (v - u + 1000) % 1000) <= 2);
        }
        // About 2/1000 of random ends land within distance 2 of u; far fewer than the 4000 lattice ends.
        Assert.True(latticeEdges < 400, $"{latticeEdges} lattice ends remain");
    }
}

public sealed class StochasticBlockModelTests
{
    [Fact]
    public void Dense_blocks_and_no_edges_between_when_the_probability_is_zero()
    {
        IReadOnlyList<IReadOnlyList<double>> p = [[1.0, 0.0], [0.0, 1.0]];

        var graph = StochasticBlockModel.Generate([4, 3], p, seed: 0);

        Assert.Equal(6 + 3, graph.EdgeCount);
        Assert.Equal([4, 5], graph.Neighbors(6).ToArray());
    }

    [Fact]
    public void Between_block_edges_are_near_their_expectation()
    {
        IReadOnlyList<IReadOnlyList<double>> p = [[0.0, 0.01], [0.01, 0.0]];

        var graph = StochasticBlockModel.Generate([1000, 2000], p, seed: 3);

        // Expectation 0.01·1000·2000 = 20,000; standard deviation ≈ 141.
        Assert.InRange(graph.EdgeCount, 20_000 - 700, 20_000 + 700);
        for (var v = 0; v < 1000; v++)
        {
            Assert.All(graph.Neighbors(v).ToArray(), w => Assert.True(w >= 1000));
        }
        ErdosRenyiTests.AssertSimple(graph);
    }

    [Fact]
    public void An_asymmetric_matrix_is_rejected_naming_the_cells()
    {
        IReadOnlyList<IReadOnlyList<double>> p = [[0.1, 0.2], [0.3, 0.1]];

        var error = Assert.Throws<ArgumentException>(() => StochasticBlockModel.Generate([5, 5], p, seed: 0));

        Assert.Contains("[0][1]", error.Message, StringComparison.Ordinal);
    }
}
