using System.CommandLine;
using Connective.Cli.Graph;
using Connective.Graph.Formats;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Formats;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly FormatTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static int Run(params string[] args)
    {
        var root = new RootCommand { GraphCommands.Create() };
        return root.Parse(["graph", "convert", .. args]).Invoke();
    }

    [Fact]
    public void Converts_by_extension_and_exits_with_zero()
    {
        var output = _files.Path("karate.gml");

        var code = Run(RepositoryPaths.SharedFile("networks", "karate.graphml"), output);

        Assert.Equal(0, code);
        var graph = GraphFile.Read(output);
        Assert.Equal(34, graph.NodeCount);
        Assert.True(graph.NodeAttributes!.TryGetColumn("club", out _));
    }

    [Fact]
    public void Explicit_formats_override_the_extensions()
    {
        var input = _files.Write("edges.data", "0 1\n1 2\n");
        var output = _files.Path("out.data");

        var code = Run(input, output, "--from", "edgelist", "--to", "pajek", "--directed");

        Assert.Equal(0, code);
        var graph = GraphFile.Read(output, new GraphReadOptions { Format = GraphFormat.Pajek });
        Assert.True(graph.IsDirected);
        Assert.Equal(2, graph.EdgeCount);
    }

    [Fact]
    public void Bad_input_exits_with_one_and_writes_nothing()
    {
        var input = _files.Write("bad.edgelist", "0 1\n1 x y z\n");
        var output = _files.Path("bad.graphml");

        var code = Run(input, output);

        Assert.Equal(1, code);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("in.edgelist", "out.unknown")]
    [InlineData("missing.edgelist", "out.gml")]
    public void Unusable_paths_exit_with_one(string input, string output)
    {
        var code = Run(_files.Path(input), _files.Path(output));

        Assert.Equal(1, code);
    }

    [Fact]
    public void Unknown_format_name_exits_with_one()
    {
        var code = Run(RepositoryPaths.SharedFile("networks", "karate.edgelist"), _files.Path("x.gml"), "--to", "dot");

        Assert.Equal(1, code);
    }
}
