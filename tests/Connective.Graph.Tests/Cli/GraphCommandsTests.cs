using System.Diagnostics;
using System.Text.Json;
using Connective.Graph.Algorithms;
using Connective.Graph.Formats;
using Connective.Graph.Tests.Reference;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Cli;

/// <summary>Runs the real `connective` executable (copied beside the tests) as a script would, checking output and exit codes.</summary>
public sealed class GraphCommandsTests
{
    private static readonly string Karate = RepositoryPaths.SharedFile("networks", "karate.edgelist");

    [Fact]
    public void Stats_json_reports_the_required_fields()
    {
        var (code, stdout, _) = Run("graph", "stats", Karate, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(34, root.GetProperty("nodes").GetInt32());
        Assert.Equal(78, root.GetProperty("edges").GetInt64());
        Assert.Equal(1, root.GetProperty("components").GetInt32());
        Assert.Equal(4, root.GetProperty("max_core").GetInt32());
        Assert.Equal(45, root.GetProperty("triangles").GetInt64());
    }

    [Fact]
    public void Progress_goes_to_stderr_and_quiet_silences_it()
    {
        // Progress is silent when standard error is not a terminal (as here) unless asked for.
        var (_, _, silent) = Run("graph", "stats", Karate);
        var (_, _, noisy) = Run("graph", "stats", Karate, "--progress");
        var (_, _, quiet) = Run("graph", "stats", Karate, "--progress", "--quiet");

        Assert.Equal(string.Empty, silent);
        Assert.Contains("reading", noisy, StringComparison.Ordinal);
        Assert.Equal(string.Empty, quiet);
    }

    [Fact]
    public void Missing_file_is_bad_input_with_exit_code_1()
    {
        var (code, stdout, stderr) = Run("graph", "stats", "/no/such/graph.edgelist", "-q");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("/no/such/graph.edgelist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_file_names_the_line_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"connective-bad-{Guid.NewGuid():N}.edgelist");
        File.WriteAllText(path, "0 1\n1\n");
        try
        {
            var (code, _, stderr) = Run("graph", "stats", path, "-q");

            Assert.Equal(1, code);
            Assert.Contains("line 2", stderr, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("# nodes 2147483600 edges 1 directed True\n0 1\n", "a graph holds at most")]
    [InlineData("# nodes 99999999999 directed True\n0 1\n", "'# nodes 99999999999' is beyond the largest node count")]
    [InlineData("# nodes 12x directed True\n0 1\n", "'# nodes 12x': the node count must be a non-negative integer")]
    [InlineData("# nodes 3 directed Maybe\n0 1\n", "'directed Maybe' must be True or False")]
    public void A_bad_header_value_is_one_clear_line_naming_the_file_and_line(string content, string problem)
    {
        var path = Path.Combine(Path.GetTempPath(), $"connective-header-{Guid.NewGuid():N}.edgelist");
        File.WriteAllText(path, content);
        try
        {
            var (code, stdout, stderr) = Run("graph", "stats", path, "-q");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, stdout);
            Assert.StartsWith($"error: {path}, line 1: ", stderr, StringComparison.Ordinal);
            Assert.Contains(problem, stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd().Split('\n')); // one line: no stack trace
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("graph", "stats", "--format", "xml")]
    [InlineData("graph", "reach", "--steps", "4")]
    [InlineData("graph", "analyse", "--measures", "wisdom")]
    [InlineData("graph", "frobnicate")]
    public void Usage_errors_exit_with_code_2(params string[] args)
    {
        var withFile = args.Length > 2 ? [args[0], args[1], Karate, .. args[2..]] : args;

        var (code, _, _) = Run(withFile);

        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("analyse")]
    [InlineData("reach")]
    [InlineData("communities")]
    [InlineData("generate")]
    public void Every_command_has_help(string command)
    {
        var (code, stdout, _) = Run("graph", command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_writes_one_csv_row_per_node_keyed_by_id()
    {
        var (code, stdout, _) = Run("graph", "analyse", Karate, "-q", "--measures", "degree,core,reach2");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("node,degree,core,reach2", lines[0]);
        Assert.Equal(35, lines.Length);
        // NetworkX: node 0 has degree 16, core number 4 and 25 nodes within two steps.
        Assert.Equal("0,16,4,25", lines[1]);
    }

    [Fact]
    public void Analyse_json_has_a_record_per_node()
    {
        var (code, stdout, _) = Run("graph", "analyse", Karate, "-q", "--format", "json", "--measures", "pagerank");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(34, json.RootElement.GetArrayLength());
        Assert.Equal(0.096997285388295, json.RootElement[0].GetProperty("pagerank").GetDouble(), 1e-9);
    }

    [Fact]
    public void Reach_counts_exactly_for_chosen_nodes()
    {
        var (code, stdout, _) = Run("graph", "reach", Karate, "-q", "--steps", "2", "--nodes", "0,4");

        Assert.Equal(0, code);
        Assert.Equal(["node,reach2,estimated", "0,25,false", "4,17,false"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Communities_json_reports_modularity_and_membership()
    {
        var (code, stdout, _) = Run("graph", "communities", Karate, "-q", "--format", "json", "--seed", "3");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.InRange(json.RootElement.GetProperty("modularity").GetDouble(), 0.40, 0.45);
        Assert.Equal(34, json.RootElement.GetProperty("membership").GetArrayLength());
    }

    [Theory]
    [InlineData("leiden")]
    [InlineData("louvain")]
    public void Communities_on_a_directed_file_report_the_simple_views_modularity_as_the_library_does(string method)
    {
        var path = RepositoryPaths.SharedFile("networks", "serengeti-foodweb.edgelist");
        var (code, stdout, stderr) = Run("graph", "communities", path, "--method", method, "--seed", "3", "-f", "json", "-q");
        var graph = GraphFile.Read(path);
        var options = new CommunityOptions { Seed = 3 };
        var library = method == "louvain" ? CommunityDetection.Louvain(graph, options) : CommunityDetection.Leiden(graph, options);

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("undirected simple view", root.GetProperty("modularity_of").GetString());
        var membership = root.GetProperty("membership").EnumerateArray().Select(m => m.GetProperty("community").GetInt32()).ToArray();
        Assert.Equal(library.Membership, membership);
        Assert.Equal(library.Modularity, root.GetProperty("modularity").GetDouble(), 1e-12);
        // Newman's modularity of that membership on the simple view, computed independently of the engine.
        Assert.Equal(CommunityReferenceTests.ModularityOf(GraphViews.Simple(graph), membership), root.GetProperty("modularity").GetDouble(), 1e-9);
    }

    [Fact]
    public void Generate_is_reproducible_for_a_seed_and_readable_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"connective-ba-{Guid.NewGuid():N}.edgelist");
        try
        {
            var (first, once, _) = Run("graph", "generate", "barabasi-albert", "--nodes", "200", "--m", "3", "--seed", "9", "-q");
            var (_, twice, _) = Run("graph", "generate", "barabasi-albert", "--nodes", "200", "--m", "3", "--seed", "9", "-q");
            var (written, _, _) = Run("graph", "generate", "community", "--nodes", "500", "--seed", "9", "-q", "-o", path);
            var (read, stats, _) = Run("graph", "stats", path, "-q", "--format", "json");

            Assert.Equal(0, first);
            Assert.Equal(once, twice);
            Assert.Equal(0, written);
            Assert.Equal(0, read);
            using var json = JsonDocument.Parse(stats);
            Assert.Equal(500, json.RootElement.GetProperty("nodes").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Convert_to_dev_stdout_writes_into_the_pipe_it_names()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // The child's standard output is a pipe, so /dev/stdout → /proc/self/fd/1 → "pipe:[…]", which no rename can reach.
        var (code, stdout, stderr) = Run("graph", "convert", Karate, "/dev/stdout", "--to", "graphml");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("<?xml", stdout, StringComparison.Ordinal);
        Assert.Equal(34, System.Xml.Linq.XDocument.Parse(stdout).Descendants().Count(e => e.Name.LocalName == "node"));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connective.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
