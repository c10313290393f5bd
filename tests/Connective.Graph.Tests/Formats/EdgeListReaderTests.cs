using System.IO.Compression;
using System.Text;
using Connective.Graph.Formats;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Formats;

public sealed class EdgeListReaderTests : IDisposable
{
    private readonly FormatTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Quirks_file_keeps_repeats_self_loops_and_declared_isolates()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "quirks.edgelist"));

        // 120 edge lines; ids 0..49 declared, 40..49 in no edge.
        Assert.Equal(50, graph.NodeCount);
        Assert.Equal(120, graph.EdgeCount);
        Assert.False(graph.IsDirected);
        Assert.True(graph.HasSelfLoops);
        Assert.True(graph.HasRepeatedEdges);
        Assert.Equal(0, graph.Degree(45));
        Assert.Equal(49L, graph.Labels.IntegerId(49));
    }

    [Fact]
    public void Quirks_file_with_merge_and_drop_policies_is_simple()
    {
        var options = new GraphReadOptions { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };

        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "quirks.edgelist"), options);

        Assert.Equal(50, graph.NodeCount);
        Assert.False(graph.HasSelfLoops);
        Assert.False(graph.HasRepeatedEdges);
        Assert.Equal(ExpectedSimpleEdgeCount(RepositoryPaths.SharedFile("networks", "quirks.edgelist")), graph.EdgeCount);
    }

    [Fact]
    public void Hep_th_declares_more_nodes_than_its_edges_name()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "hep-th.edgelist"));

        Assert.Equal(8361, graph.NodeCount);
        Assert.Equal(15751, graph.EdgeCount);
    }

    [Fact]
    public void Directed_declaration_makes_a_directed_graph()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "serengeti-foodweb.edgelist"));

        Assert.True(graph.IsDirected);
        Assert.Equal(161, graph.NodeCount);
        Assert.Equal(592, graph.EdgeCount);
        Assert.True(graph.HasSelfLoops);
    }

    [Fact]
    public void Option_overrides_the_declared_direction()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "serengeti-foodweb.edgelist"), new GraphReadOptions { Directed = false });

        Assert.False(graph.IsDirected);
    }

    [Fact]
    public void Sparse_integer_ids_are_numbered_in_ascending_order()
    {
        var path = _files.Write("sparse.txt", "1000 7\n7 30\n");

        var graph = GraphFile.Read(path);

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(7L, graph.Labels.IntegerId(0));
        Assert.Equal(30L, graph.Labels.IntegerId(1));
        Assert.Equal(1000L, graph.Labels.IntegerId(2));
        Assert.Equal([0], graph.Neighbors(2).ToArray());
    }

    [Fact]
    public void Text_ids_keep_first_seen_order_and_earlier_integers_become_text()
    {
        var path = _files.Write("mixed.txt", "5 3\n3 alice\nbob 5\n");

        var graph = GraphFile.Read(path);

        Assert.False(graph.Labels.IsInteger);
        Assert.Equal(["5", "3", "alice", "bob"], Enumerable.Range(0, graph.NodeCount).Select(i => graph.Labels[i]));
        Assert.Equal(3, graph.EdgeCount);
    }

    [Fact]
    public void Ids_with_leading_zeros_or_signs_are_text()
    {
        var path = _files.Write("zeros.txt", "007 7\n");

        var graph = GraphFile.Read(path);

        Assert.False(graph.Labels.IsInteger);
        Assert.Equal(2, graph.NodeCount);
    }

    [Fact]
    public void Csv_with_header_and_weights_is_read()
    {
        var path = _files.Write("w.edges", "# a comment\nsource,target,weight\n0,1,2.5\n1, 2 ,0.25\n\n2,0,1e-3\n");

        var graph = GraphFile.Read(path);

        Assert.True(graph.IsWeighted);
        Assert.Equal(3, graph.EdgeCount);
        Assert.Equal([2.5, 0.001], graph.Weights(0).ToArray());
    }

    [Fact]
    public void Whitespace_and_crlf_lines_with_weights_are_read()
    {
        var path = _files.Write("w.txt", "0\t1\t2\r\n  1   2   3.5  \r\n");

        var graph = GraphFile.Read(path);

        Assert.Equal([2.0, 3.5], graph.Weights(1).ToArray());
    }

    [Fact]
    public void Quoted_csv_ids_may_hold_commas_and_quotes()
    {
        var path = _files.Write("q.edges", "from,to\n\"Smith, J\",\"O\"\"Neil\"\n");

        var graph = GraphFile.Read(path);

        Assert.Equal("Smith, J", graph.Labels[0]);
        Assert.Equal("O\"Neil", graph.Labels[1]);
    }

    [Fact]
    public void Missing_final_newline_keeps_the_last_edge()
    {
        var path = _files.Write("nonl.txt", "0 1\n1 2");

        var graph = GraphFile.Read(path);

        Assert.Equal(2, graph.EdgeCount);
    }

    [Fact]
    public void Gzip_is_detected_by_content_not_name()
    {
        var text = Encoding.UTF8.GetBytes("# nodes 4\n0 1\n1 2\n");
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(text);
        }
        var path = _files.WriteBytes("hidden.edgelist", compressed.ToArray());

        var graph = GraphFile.Read(path);

        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(2, graph.EdgeCount);
    }

    [Fact]
    public void Large_file_parsed_in_parallel_equals_a_line_by_line_reading()
    {
        // Over the parallel threshold, with comments and blank lines scattered through it.
        var text = new StringBuilder("# nodes 70000\n");
        var expected = new List<(int, int)>();
        for (var i = 0; i < 200_000; i++)
        {
            var u = (int)((i * 2654435761L) % 60000);
            var v = (int)((i * 40503L) % 65000);
            text.Append(u).Append(' ').Append(v).Append('\n');
            expected.Add((u, v));
            if (i % 9973 == 0)
            {
                text.Append("# marker\n\n");
            }
        }
        var path = _files.Write("big.edgelist", text.ToString());

        var graph = GraphFile.Read(path);

        Assert.Equal(70000, graph.NodeCount);
        Assert.Equal(expected.Count, graph.EdgeCount);
        var builder = new GraphBuilder();
        builder.DeclareNodes(70000);
        foreach (var (u, v) in expected)
        {
            builder.AddEdge(u, v);
        }
        var reference = builder.Build();
        for (var node = 0; node < reference.NodeCount; node++)
        {
            Assert.Equal(reference.Neighbors(node).ToArray(), graph.Neighbors(node).ToArray());
        }
    }

    [Fact]
    public void Text_id_deep_in_a_large_file_switches_every_id_to_text()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 150_000; i++)
        {
            text.Append(i).Append(' ').Append(i + 1).Append('\n');
        }
        text.Append("150001 zed\n");
        var path = _files.Write("late-text.edgelist", text.ToString());

        var graph = GraphFile.Read(path);

        Assert.False(graph.Labels.IsInteger);
        Assert.Equal(150_003, graph.NodeCount);
        Assert.Equal("0", graph.Labels[0]);
        Assert.Equal("zed", graph.Labels[150_002]);
    }

    private static long ExpectedSimpleEdgeCount(string path)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var line in File.ReadLines(path).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split(' ');
            int u = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), v = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            if (u != v)
            {
                pairs.Add((Math.Min(u, v), Math.Max(u, v)));
            }
        }
        return pairs.Count;
    }
}
