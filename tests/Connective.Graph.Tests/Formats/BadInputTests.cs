using System.IO.Compression;
using System.Text;
using Connective.Graph.Formats;

namespace Connective.Graph.Tests.Formats;

/// <summary>Every reader turns bad input into a <see cref="GraphFormatException"/> naming the file, the line and the problem.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly FormatTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// A node count this machine cannot hold: 2,000,000,000 (the case) where that is beyond the memory .NET
    /// reports available at 16 bytes a node, as on the 24 GiB development machine; on a larger machine the smallest count
    /// that is, so the test never asks a big machine to allocate for it.
    /// </summary>
    private static long UnholdableCount => Math.Max(2_000_000_000L, Math.Min((GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 16) + 1, 2_147_483_600L));

    public static TheoryData<string, string, int?, string> Cases => new()
    {
        // Edge lists
        { "empty.edgelist", "", null, "empty" },
        { "blank.edgelist", "  \n\n", null, "empty" },
        { "one-field.edgelist", "0 1\n1 2\n7\n", 3, "expected 2 fields" },
        { "columns.edgelist", "0 1\n1 2 3 4\n", 2, "found 4" },
        { "mixed-columns.edgelist", "0 1 0.5\n1 2\n", 2, "expected 3 fields" },
        { "weight.edgelist", "0 1 1.5\n1 2 heavy\n", 2, "the weight 'heavy' is not a number" },
        { "nan-weight.edgelist", "0 1 1.5\n1 2 NaN\n", 2, "not a finite number" },
        { "header-columns.edgelist", "source target weight extra\n0 1 2 3\n", 1, "header names 4 columns" },
        { "unclosed.csv.edgelist", "source,target\n\"a,b\n", 2, "quoted field is not closed" },
        { "declared-text.edgelist", "# nodes 3\n0 x\n", null, "declares integer ids" },
        { "conflict.edgelist", "# nodes 3\n0 1\n# nodes 4\n", 3, "contradicts" },
        // Header values (issue 19): never skipped as a comment, which would drop the file's direction or isolates.
        { "huge.edgelist", $"# source\n# nodes {UnholdableCount} edges 1 directed False\n0 1\n", 2, "'# nodes' declares" },
        { "beyond-int.edgelist", "# nodes 99999999999 edges 1 directed True\n0 1\n", 1, "'# nodes 99999999999' is beyond the largest node count" },
        { "beyond-long.edgelist", "# nodes 99999999999999999999999 directed True\n0 1\n", 1, "is beyond the largest node count" },
        { "not-integer.edgelist", "# nodes 12x edges 1 directed True\n0 1\n", 1, "'# nodes 12x': the node count must be a non-negative integer" },
        { "fraction.edgelist", "# nodes 3.5 directed True\n0 1\n", 1, "must be a non-negative integer" },
        { "negative.edgelist", "# nodes -3 directed True\n0 1\n", 1, "must be a non-negative integer" },
        { "word-count.edgelist", "# nodes many edges 1 directed True\n0 1\n", 1, "'# nodes many': the node count must be" },
        { "maybe.edgelist", "# nodes 3 edges 1 directed Maybe\n0 1\n", 1, "'directed Maybe' must be True or False" },
        { "no-direction.edgelist", "# nodes 3 edges 1 directed\n0 1\n", 1, "'directed' needs a value" },
        { "late-maybe.edgelist", "0 1\n1 2\n# nodes 3 directed Maybe\n", 3, "'directed Maybe' must be True or False" },
        { "id-beyond.edgelist", "# nodes 3 directed True\n0 1\n0 5\n", 1, "'# nodes 3' declares the ids 0..2, but an edge names node 5" },
        { "id-beyond-late.edgelist", "0 1\n0 7\n# nodes 3\n", 3, "'# nodes 3' declares the ids 0..2, but an edge names node 7" },
        { "typo-key.edgelist", "# nodes 3 edges 1 directd True\n0 1\n", 1, "may go on only with 'edges M' and 'directed True|False', not 'directd'" },
        { "edges-word.edgelist", "# nodes 3 edges one directed True\n0 1\n", 1, "'edges one': the edge count must be a non-negative integer" },
        { "edges-missing.edgelist", "# nodes 3 directed True edges\n0 1\n", 1, "'edges' needs a value" },
        { "two-directions.edgelist", "# nodes 3 directed True directed False\n0 1\n", 1, "says 'directed' twice" },
        // GraphML
        { "empty.graphml", "", null, "empty" },
        { "edgedefault.graphml", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"maybe\"><node id=\"a\"/></graph></graphml>", 2, "edgedefault must be 'directed' or 'undirected', not 'maybe'" },
        { "truncated.graphml", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"a\"/>\n<node id=\"b\"/>\n<edge source=\"a\" tar", 3, "malformed XML" },
        { "weight.graphml", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">x</data></edge></graph></graphml>", 3, "not a finite number" },
        { "unknown.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/></graph></graphml>", 3, "'zz', which is never declared" },
        { "nosource.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge target=\"a\"/></graph></graphml>", 3, "no source" },
        { "numeric-attr.graphml", "<graphml><key id=\"k\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/><graph>\n<node id=\"a\"><data key=\"k\">old</data></node></graph></graphml>", 2, "not a number" },
        { "twice.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", 3, "declared twice (first on line 2)" },
        { "notgraphml.graphml", "<html><body/></html>", null, "not a GraphML file" },
        // GEXF
        { "empty.gexf", "", null, "empty" },
        { "truncated.gexf", "<gexf><graph><nodes>\n<node id=\"a\"/>\n<node id=", 3, "malformed XML" },
        { "mode.gexf", "<gexf>\n<graph mode=\"weird\" defaultedgetype=\"directed\"><nodes><node id=\"a\"/></nodes></graph></gexf>", 2, "mode must be static or dynamic, not 'weird'" },
        { "edgetype.gexf", "<gexf>\n<graph defaultedgetype=\"sideways\"><nodes><node id=\"a\"/></nodes></graph></gexf>", 2, "defaultedgetype must be directed, undirected or mutual, not 'sideways'" },
        { "weight.gexf", "<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges>\n<edge source=\"a\" target=\"b\" weight=\"w\"/></edges></graph></gexf>", 2, "not a finite number" },
        { "unknown.gexf", "<gexf><graph><nodes><node id=\"a\"/></nodes><edges>\n<edge source=\"a\" target=\"q\"/></edges></graph></gexf>", 2, "'q', which is never declared" },
        // GML
        { "empty.gml", "", null, "empty" },
        { "truncated.gml", "graph [\n  node [ id 0 label \"a\" ]\n  node [ id 1", null, "truncated" },
        { "weight.gml", "graph [\n node [ id 0 ]\n node [ id 1 ]\n edge [ source 0 target 1 weight \"heavy\" ]\n]\n", 4, "not a finite number" },
        { "unknown.gml", "graph [\n node [ id 0 ]\n edge [ source 0 target 9 ]\n]\n", 3, "node id 9, which no node has" },
        { "noid.gml", "graph [\n node [ label \"a\" ]\n]\n", 2, "has no id" },
        { "garbage.gml", "graph [\n node [ id 0 label \"a\" ] @@@\n]\n", 2, "neither a key" },
        { "directed-two.gml", "graph [\n directed 2\n node [ id 0 ]\n]\n", 2, "'directed 2' must be 0 (undirected) or 1 (directed)" },
        { "directed-word.gml", "graph [\n directed yes\n node [ id 0 ]\n]\n", 2, "'directed' must be an integer, found 'yes'" },
        { "directed-twice.gml", "graph [\n directed 1\n node [ id 0 ]\n directed 0\n]\n", 4, "'directed' is given twice" },
        { "extra-bracket.gml", "graph [\n node [ id 0 ]\n]\n]\n", 4, "unexpected ']' after the end of 'graph [ … ]'" },
        { "second-graph.gml", "graph [\n node [ id 0 ]\n]\ngraph [ node [ id 1 ] ]\n", 4, "a second 'graph [ … ]'" },
        { "trailing-value.gml", "graph [\n node [ id 0 ]\n]\n42\n", 4, "expected a key after the end of 'graph [ … ]', found '42'" },
        // Pajek
        { "empty.net", "", null, "empty" },
        { "truncated.net", "*Vertices 3\n1 \"a\"\n2 \"b", 3, "not closed" },
        { "weight.net", "*Vertices 2\n*Edges\n1 2 heavy\n", 3, "the weight 'heavy' is not a finite number" },
        { "unknown.net", "*Vertices 2\n*Edges\n1 5\n", 3, "'5' is not a vertex number between 1 and 2" },
        { "columns.net", "*Vertices 2\n*Edges\n1\n", 3, "needs two vertex numbers" },
        { "noheader.net", "1 2\n", 1, "data before the *Vertices line" },
        { "matrix.net", "*Vertices 2\n*Matrix\n0 1\n1 0\n", 2, "*MATRIX is not supported" },
        { "beyond-int.net", "*Vertices 99999999999\n*Edges\n1 2\n", 1, "*Vertices 99999999999 is beyond the largest node count" },
        { "vertices-junk.net", "*Vertices 3 junk\n*Edges\n1 2\n", 1, "may be followed only by the size of a two-mode network's first mode (0..3), not 'junk'" },
        { "vertices-mode.net", "*Vertices 3 4\n*Edges\n1 2\n", 1, "not '4'" },
        { "vertices-extra.net", "*Vertices 3 1 2\n*Edges\n1 2\n", 1, "not '1 2'" },
        { "huge.net", $"*Network big\n*Vertices {UnholdableCount}\n*Edges\n1 2\n", 2, "*Vertices declares" },
        { "array-bound.net", "*Vertices 2147483600\n*Edges\n1 2\n", 1, "*Vertices declares 2,147,483,600 nodes; a graph holds at most 2,147,483,590" },
        { "array-bound.edgelist", "# nodes 2147483600\n0 1\n", 1, "'# nodes' declares 2,147,483,600 nodes; a graph holds at most 2,147,483,590" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_reported_with_file_line_and_problem(string name, string content, int? line, string problem)
    {
        var path = _files.Write(name, content);

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FileName);
        if (line is not null)
        {
            Assert.Equal(line, error.Line);
        }
    }

    [Fact]
    public void A_declared_size_the_machine_cannot_hold_is_refused_before_anything_is_allocated_for_it()
    {
        var path = _files.Write("huge-declared.edgelist", $"# nodes {UnholdableCount} edges 1 directed True\n0 1\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        // Reading the header and throwing costs kilobytes; a rank table or row offsets for the declared nodes would be gigabytes.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "the reader allocated for the declared size before refusing it");
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_comment_that_only_starts_with_the_word_nodes_is_still_a_comment()
    {
        var path = _files.Write("prose.edgelist", "# nodes are residents, edges are ties\n# nodes 4 edges 1 directed True\n0 1\n");

        var graph = GraphFile.Read(path);

        Assert.True(graph.IsDirected);
        Assert.Equal(4, graph.NodeCount);
    }

    public static TheoryData<string, string, int> InvalidUtf8Cases => new()
    {
        { "latin1.edgelist", "0 1\ncaf\u00e9 2\n", 2 },
        { "latin1.csv", "source,target\n0,1\ncaf\u00e9,2\n", 3 },
        { "latin1.gml", "graph [\n node [ id 0 label \"caf\u00e9\" ]\n]\n", 2 },
        { "latin1.net", "*Vertices 1\n1 \"caf\u00e9\"\n", 2 },
        { "latin1.graphml", "<graphml><graph>\n<node id=\"caf\u00e9\"/></graph></graphml>", 2 },
        { "latin1.gexf", "<gexf><graph><nodes>\n<node id=\"caf\u00e9\"/></nodes></graph></gexf>", 2 },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Cases))]
    public void Text_in_another_encoding_is_reported_on_its_line(string name, string content, int line)
    {
        var path = _files.WriteBytes(name, Encoding.Latin1.GetBytes(content));

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Equal(line, error.Line);
        Assert.Matches("UTF-8|encoding|Invalid character", error.Message);
    }

    [Theory]
    [InlineData("utf16.edgelist")]
    [InlineData("utf16.gml")]
    [InlineData("utf16.net")]
    public void Utf16_text_is_refused_with_a_hint(string name)
    {
        var path = _files.WriteBytes(name, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("0 1\n")]);

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cut.edgelist")]
    [InlineData("cut.graphml")]
    public void Truncated_gzip_is_reported(string name)
    {
        var graphml = name.EndsWith(".graphml", StringComparison.Ordinal);
        var text = new StringBuilder(graphml ? "<graphml><graph>\n" : "");
        for (var i = 0; i < 20000; i++)
        {
            text.Append(graphml ? $"<node id=\"{i}\"/>\n" : $"{i} {i + 1}\n");
        }
        text.Append(graphml ? "</graph></graphml>\n" : "");
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }
        var bytes = compressed.ToArray();
        var path = _files.WriteBytes(name, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_deep_in_a_large_file_names_the_exact_line()
    {
        // Several 8 MB blocks, each parsed in parallel parts, with comments: the line count must still be exact.
        var text = new StringBuilder("# nodes 10\n");
        for (var i = 2; i <= 1_500_000; i++)
        {
            text.Append(i % 1000 == 0 ? "# every thousandth line is a comment\n" : $"{i % 977} {i % 991}\n");
        }
        text.Append("12 oops extra\n");
        var path = _files.Write("deep.edgelist", text.ToString());

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Equal(1_500_001, error.Line);
        Assert.Contains("found 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_edge_naming_a_node_missing_from_the_node_table_is_reported()
    {
        _files.Write("people.nodes.csv", "id,age\nann,31\nbob,40\n");
        var path = _files.Write("people.csv", "source,target\nann,bob\nbob,cy\n");

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Field);
        Assert.Contains("'cy' is not in the node table people.nodes.csv", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,age\nann,31\nbob\n", 3, "expected 2 fields as in the header, found 1")]
    [InlineData("id,age\nann,31\nann,40\n", 3, "listed twice")]
    [InlineData("", null, "node table is empty")]
    public void Bad_node_tables_are_reported(string nodes, int? line, string problem)
    {
        _files.Write("t.nodes.csv", nodes);
        var path = _files.Write("t.csv", "source,target\nann,bob\n");

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("t.nodes.csv", error.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_weight_that_is_not_a_number_names_the_field()
    {
        var path = _files.Write("w.csv", "source,target,weight\n0,1,2\n1,2,two\n");

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Field);
    }

    [Fact]
    public void Unknown_extension_asks_for_the_format()
    {
        var path = _files.Write("graph.xyz", "0 1\n");

        var error = Assert.Throws<GraphFormatException>(() => GraphFile.Read(path));

        Assert.Contains("cannot tell the format", error.Message, StringComparison.Ordinal);
    }
}
