using FsCheck.Xunit;

namespace Connective.Graph.Tests.Storage;

public sealed class GraphBuilderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rows_built_in_parallel_parts_match_a_plain_sort(bool directed)
    {
        // 300,000 weighted edges (above the parallel threshold) with repeats and self-loops: every row must hold its
        // neighbours sorted, repeats in input order with their weights, whatever the number of parts the rows were
        // scattered in.
        const int Nodes = 5_000;
        var random = new Connective.Graph.Generators.SeededRandom(11);
        var builder = new GraphBuilder(directed);
        builder.DeclareNodes(Nodes);
        var edges = new List<(int From, int To, double Weight)>();
        for (var i = 0; i < 300_000; i++)
        {
            var a = random.NextInt(Nodes);
            var b = random.NextInt(100) == 0 ? a : random.NextInt(Nodes);
            edges.Add((a, b, i));
            builder.AddEdge(a, b, i);
        }

        var graph = builder.Build();

        var rows = new List<(int Target, int Order, double Weight)>[Nodes];
        var inRows = new List<(int Target, int Order, double Weight)>[Nodes];
        for (var u = 0; u < Nodes; u++)
        {
            rows[u] = [];
            inRows[u] = [];
        }
        for (var i = 0; i < edges.Count; i++)
        {
            var (a, b, w) = edges[i];
            rows[a].Add((b, i, w));
            if (directed)
            {
                inRows[b].Add((a, i, w));
            }
            else if (a != b)
            {
                rows[b].Add((a, i, w));
            }
        }
        for (var u = 0; u < Nodes; u++)
        {
            Assert.True(graph.Labels.TryGetNode(u, out var node));
            var expected = rows[u].OrderBy(r => r.Target).ThenBy(r => r.Order).ToArray();
            Assert.Equal(expected.Select(r => Node(graph, r.Target)), graph.Neighbors(node).ToArray());
            Assert.Equal(expected.Select(r => r.Weight), graph.Weights(node).ToArray());
            if (directed)
            {
                var expectedIn = inRows[u].OrderBy(r => r.Target).ThenBy(r => r.Order).ToArray();
                Assert.Equal(expectedIn.Select(r => Node(graph, r.Target)), graph.InNeighbors(node).ToArray());
            }
        }
    }

    private static int Node(CsrGraph graph, int externalId) => graph.Labels.TryGetNode(externalId, out var node) ? node : -1;

    [Fact]
    public void Undirected_edges_appear_in_both_rows_sorted()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(2, 0);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 2);

        var graph = builder.Build();

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(3, graph.EdgeCount);
        Assert.Equal([1, 2], graph.Neighbors(0).ToArray());
        Assert.Equal([0, 2], graph.Neighbors(1).ToArray());
        Assert.Equal([0, 1], graph.Neighbors(2).ToArray());
        Assert.False(graph.IsDirected);
        Assert.False(graph.IsWeighted);
    }

    [Fact]
    public void Directed_graph_has_out_and_in_adjacency()
    {
        var builder = new GraphBuilder(directed: true);
        builder.AddEdge(0, 1);
        builder.AddEdge(0, 2);
        builder.AddEdge(2, 1);

        var graph = builder.Build();

        Assert.Equal(3, graph.EdgeCount);
        Assert.Equal([1, 2], graph.Neighbors(0).ToArray());
        Assert.Empty(graph.Neighbors(1).ToArray());
        Assert.Equal([0, 2], graph.InNeighbors(1).ToArray());
        Assert.Equal(2, graph.InDegree(1));
        Assert.Equal(0, graph.Degree(1));
    }

    [Fact]
    public void Keep_policy_keeps_repeats_including_reversed_undirected_pairs()
    {
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Keep };
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 0);

        var graph = builder.Build();

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal([1, 1], graph.Neighbors(0).ToArray());
        Assert.True(graph.HasRepeatedEdges);
    }

    [Fact]
    public void Merge_policy_keeps_one_edge_with_the_last_weight()
    {
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge };
        builder.AddEdge(0, 1, 2.0);
        builder.AddEdge(1, 0, 5.0);
        builder.AddEdge(1, 2, 1.5);

        var graph = builder.Build();

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal([1], graph.Neighbors(0).ToArray());
        Assert.Equal([5.0], graph.Weights(0).ToArray());
        Assert.Equal([5.0, 1.5], graph.Weights(1).ToArray());
        Assert.False(graph.HasRepeatedEdges);
    }

    [Fact]
    public void SumWeights_policy_adds_weights_and_counts_unweighted_repeats()
    {
        var weighted = new GraphBuilder(directed: true) { DuplicateEdges = DuplicateEdgePolicy.SumWeights };
        weighted.AddEdge(0, 1, 2.0);
        weighted.AddEdge(0, 1, 0.5);
        weighted.AddEdge(1, 0, 7.0);
        var unweighted = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.SumWeights };
        unweighted.AddEdge(0, 1);
        unweighted.AddEdge(1, 0);
        unweighted.AddEdge(0, 1);

        var directed = weighted.Build();
        var counted = unweighted.Build();

        Assert.Equal([2.5], directed.Weights(0).ToArray());
        Assert.Equal([7.0], directed.Weights(1).ToArray());
        Assert.Equal([2.5], directed.InWeights(1).ToArray());
        Assert.Equal([3.0], counted.Weights(1).ToArray());
    }

    [Fact]
    public void Self_loops_are_kept_once_in_the_row_or_dropped()
    {
        var keep = new GraphBuilder();
        keep.AddEdge(0, 0);
        keep.AddEdge(0, 1);
        var drop = new GraphBuilder { SelfLoops = SelfLoopPolicy.Drop };
        drop.AddEdge(0, 0);
        drop.AddEdge(0, 1);

        var kept = keep.Build();
        var dropped = drop.Build();

        Assert.Equal([0, 1], kept.Neighbors(0).ToArray());
        Assert.Equal(2, kept.EdgeCount);
        Assert.True(kept.HasSelfLoops);
        Assert.Equal([1], dropped.Neighbors(0).ToArray());
        Assert.Equal(1, dropped.EdgeCount);
        Assert.False(dropped.HasSelfLoops);
        Assert.Equal(2, dropped.NodeCount);
    }

    [Fact]
    public void Integer_ids_map_to_dense_ids_in_ascending_order()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(30, 10);
        builder.AddEdge(10, 20);

        var graph = builder.Build();

        Assert.True(graph.Labels.IsInteger);
        Assert.Equal([10L, 20L, 30L], Enumerable.Range(0, 3).Select(graph.Labels.IntegerId).ToArray());
        Assert.True(graph.Labels.TryGetNode(30, out var node));
        Assert.Equal(2, node);
        Assert.Equal([1, 2], graph.Neighbors(0).ToArray());
        Assert.False(graph.Labels.TryGetNode(15, out _));
    }

    [Fact]
    public void Declared_nodes_map_to_themselves_and_include_isolates()
    {
        var builder = new GraphBuilder();
        builder.DeclareNodes(5);
        builder.AddEdge(3, 1);

        var graph = builder.Build();

        Assert.Equal(5, graph.NodeCount);
        Assert.Equal(3L, graph.Labels.IntegerId(3));
        Assert.Equal([3], graph.Neighbors(1).ToArray());
        Assert.Equal(0, graph.Degree(4));
    }

    [Fact]
    public void Text_ids_keep_first_seen_order_and_convert_earlier_integers()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("7", "3");
        builder.AddEdge("3", "alice");
        builder.AddEdge(12, 7);

        var graph = builder.Build();

        Assert.False(graph.Labels.IsInteger);
        Assert.Equal(["7", "3", "alice", "12"], Enumerable.Range(0, 4).Select(i => graph.Labels[i]).ToArray());
        Assert.True(graph.Labels.TryGetNode("alice", out var alice));
        Assert.Equal([1], graph.Neighbors(alice).ToArray());
        Assert.Equal([0], graph.Neighbors(3).ToArray());
    }

    [Fact]
    public void Integer_ids_beyond_int_range_stay_integers()
    {
        var builder = new GraphBuilder();
        builder.AddEdge(5_000_000_000L, 1);
        builder.AddEdge(1, 3_000_000_000L);

        var graph = builder.Build();

        Assert.True(graph.Labels.IsInteger);
        Assert.Equal([1L, 3_000_000_000L, 5_000_000_000L], Enumerable.Range(0, 3).Select(graph.Labels.IntegerId).ToArray());
        Assert.Equal([1, 2], graph.Neighbors(0).ToArray());
    }

    [Fact]
    public void Node_attributes_are_stored_per_node_by_external_id()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("a", "b");
        builder.SetNodeAttribute("b", "age", 71);
        builder.SetNodeAttribute("c", "ward", "E05000001");

        var graph = builder.Build();

        Assert.Equal(3, graph.NodeCount);
        Assert.True(graph.NodeAttributes!.TryGetColumn("age", out var age));
        Assert.Equal(71, age.GetNumber(1));
        Assert.False(age.HasValue(0));
        Assert.True(graph.NodeAttributes.TryGetColumn("ward", out var ward));
        Assert.Equal(NodeAttributeKind.Text, ward.Kind);
        Assert.Equal("E05000001", ward.GetText(2));
        Assert.Null(ward.GetText(0));
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_clear_errors()
    {
        var builder = new GraphBuilder();

        Assert.Throws<ArgumentException>(() => builder.AddEdge(0, 1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddEdge(-1, 1));
        builder.SetNodeAttribute(0, "age", 3.0);
        Assert.Throws<ArgumentException>(() => builder.SetNodeAttribute(1, "age", "old"));
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.AddEdge(0, 1));
    }

    [Fact]
    public void Empty_builder_gives_an_empty_graph()
    {
        var graph = new GraphBuilder().Build();

        Assert.Equal(0, graph.NodeCount);
        Assert.Equal(0, graph.EdgeCount);
    }

    [Property(MaxTest = 200)]
    public bool Rows_match_a_naive_adjacency_model(int[] endpoints, bool directed, bool merge)
    {
        var policy = merge ? DuplicateEdgePolicy.Merge : DuplicateEdgePolicy.Keep;
        var graph = RandomGraphs.FromEndpoints(endpoints, directed, policy);
        var folded = (endpoints ?? []).Select(e => (long)((uint)e % 30)).ToArray();
        var pairs = Enumerable.Range(0, folded.Length / 2).Select(i => (folded[2 * i], folded[(2 * i) + 1])).ToList();
        var ids = pairs.SelectMany(p => new[] { p.Item1, p.Item2 }).Distinct().Order().ToArray();

        var expected = ids.ToDictionary(id => id, _ => new List<long>());
        var seen = new HashSet<(long, long)>();
        foreach (var (a, b) in pairs)
        {
            var key = directed || a <= b ? (a, b) : (b, a);
            if (merge && !seen.Add(key))
            {
                continue;
            }
            expected[a].Add(b);
            if (!directed && a != b)
            {
                expected[b].Add(a);
            }
        }

        return graph.NodeCount == ids.Length
            && Enumerable.Range(0, graph.NodeCount).All(u =>
                graph.Labels.IntegerId(u) == ids[u]
                && graph.Neighbors(u).ToArray().Select(v => ids[v]).SequenceEqual(expected[ids[u]].Order()));
    }
}
