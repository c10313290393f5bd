using Connective.Graph.Formats;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Formats;

/// <summary>What Connective writes it reads back unchanged: ids, edge multiset, weights, direction and node attributes.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly FormatTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, string> NetworksAndExtensions()
    {
        var data = new TheoryData<string, string>();
        foreach (var network in new[] { "karate.graphml", "lesmis.graphml", "quirks.edgelist", "serengeti-foodweb.edgelist", "florentine.graphml" })
        {
            foreach (var extension in new[] { "edgelist", "csv", "graphml", "gexf", "gml", "net", "graphml.gz", "edgelist.gz" })
            {
                data.Add(network, extension);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NetworksAndExtensions))]
    public void Written_graph_reads_back_the_same(string network, string extension)
    {
        var original = GraphFile.Read(RepositoryPaths.SharedFile("networks", network));
        var path = _files.Path("copy." + extension);

        GraphFile.Write(original, path);
        // A CSV table has no place for the direction: the reader is told, as a NetworkX or igraph user would choose.
        var copy = GraphFile.Read(path, new GraphReadOptions { Directed = extension == "csv" ? original.IsDirected : null });

        Assert.Equal(original.IsDirected, copy.IsDirected);
        Assert.Equal(original.IsWeighted, copy.IsWeighted);
        if (extension.StartsWith("edgelist", StringComparison.Ordinal) && !original.Labels.IsInteger)
        {
            // Text ids in an edge list come back in first-seen order.
            Assert.Equal(Labels(original).Order(StringComparer.Ordinal), Labels(copy).Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Equal(Labels(original), Labels(copy));
        }
        Assert.Equal(EdgeMultiset(original), EdgeMultiset(copy));
        if (extension is not ("edgelist" or "edgelist.gz" or "net"))
        {
            Assert.Equal(Attributes(original), Attributes(copy));
        }
    }

    [Fact]
    public void Karate_graphml_keeps_the_club_attribute_and_integer_ids()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "karate.graphml"));

        Assert.True(graph.Labels.IsInteger);
        Assert.Equal(34, graph.NodeCount);
        Assert.Equal(78, graph.EdgeCount);
        Assert.True(graph.NodeAttributes!.TryGetColumn("club", out var club));
        Assert.Equal(NodeAttributeKind.Text, club.Kind);
        Assert.Equal("Mr. Hi", club.GetText(0));
        Assert.Equal("Officer", club.GetText(33));
    }

    [Fact]
    public void Lesmis_graphml_keeps_weights_and_text_ids_in_document_order()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "lesmis.graphml"));

        Assert.False(graph.Labels.IsInteger);
        Assert.Equal("Napoleon", graph.Labels[0]);
        Assert.True(graph.IsWeighted);
        Assert.True(graph.Labels.TryGetNode("Valjean", out var valjean));
        Assert.True(graph.Labels.TryGetNode("Cosette", out var cosette));
        var index = graph.Neighbors(valjean).IndexOf(cosette);
        Assert.Equal(31.0, graph.Weights(valjean)[index]);
    }

    [Fact]
    public void Text_ids_with_spaces_round_trip_through_csv_pajek_and_gml()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("Evelyn Jefferson", "E1 \"dinner\", Tuesday", 2.5);
        builder.AddEdge("Anne-Marie Ëlise", "Evelyn Jefferson", 1);
        builder.SetNodeAttribute("Evelyn Jefferson", "age", 31);
        var graph = builder.Build();

        foreach (var extension in new[] { "csv", "gml", "graphml", "gexf" })
        {
            var path = _files.Path("spaces." + extension);
            GraphFile.Write(graph, path);
            var copy = GraphFile.Read(path);
            Assert.Equal(Labels(graph), Labels(copy));
            Assert.Equal(EdgeMultiset(graph), EdgeMultiset(copy));
            Assert.Equal(Attributes(graph), Attributes(copy));
        }
    }

    [Fact]
    public void Edge_list_refuses_ids_it_cannot_hold()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("a b", "c");
        var graph = builder.Build();

        var error = Assert.Throws<NotSupportedException>(() => GraphFile.Write(graph, _files.Path("x.edgelist")));

        Assert.Contains("'a b'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Path("x.edgelist")));
    }

    [Theory]
    [InlineData("x.graphml")]
    [InlineData("x.gexf")]
    public void Xml_formats_refuse_control_characters_clearly(string name)
    {
        var builder = new GraphBuilder();
        builder.AddEdge("bell\u0007", "b");
        var graph = builder.Build();

        var error = Assert.Throws<NotSupportedException>(() => GraphFile.Write(graph, _files.Path(name)));

        Assert.Contains("XML cannot represent", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Path(name)));
    }

    [Fact]
    public void Stream_write_and_read_agree()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "karate.edgelist"));
        using var stream = new MemoryStream();

        GraphFile.Write(graph, stream, GraphFormat.Gml);
        stream.Position = 0;
        var copy = GraphFile.Read(stream, GraphFormat.Gml, streamName: "memory");

        Assert.Equal(EdgeMultiset(graph), EdgeMultiset(copy));
    }

    private static List<string> Labels(CsrGraph graph) => [.. Enumerable.Range(0, graph.NodeCount).Select(i => graph.Labels[i])];

    private static List<string> EdgeMultiset(CsrGraph graph)
    {
        var edges = new List<string>();
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var neighbors = graph.Neighbors(u);
            var weights = graph.Weights(u);
            for (var i = 0; i < neighbors.Length; i++)
            {
                var v = neighbors[i];
                if (graph.IsDirected || v >= u)
                {
                    var (a, b) = (graph.Labels[u], graph.Labels[v]);
                    if (!graph.IsDirected && string.CompareOrdinal(a, b) > 0)
                    {
                        (a, b) = (b, a);
                    }
                    edges.Add($"{a}|{b}|{(weights.IsEmpty ? "" : weights[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))}");
                }
            }
        }
        edges.Sort(StringComparer.Ordinal);
        return edges;
    }

    private static List<string> Attributes(CsrGraph graph)
    {
        var rows = new List<string>();
        foreach (var column in graph.NodeAttributes?.Columns ?? [])
        {
            for (var node = 0; node < graph.NodeCount; node++)
            {
                rows.Add($"{column.Name}|{column.Kind}|{graph.Labels[node]}|{column.GetText(node)}");
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
