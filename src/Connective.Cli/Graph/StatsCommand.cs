using System.CommandLine;
using Connective.Graph;
using Connective.Graph.Algorithms;

namespace Connective.Cli.Graph;

/// <summary>`connective graph stats FILE`: whole-graph statistics.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var format = GraphCli.FormatOption("Output format", "text", "json");
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "stats",
            "Whole-graph statistics: nodes, edges, degrees, components, largest k-core, triangles, clustering. "
            + "Components, cores, triangles and clustering use the undirected simple view (repeats merged, self-loops dropped). "
            + "Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, format, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var stats = Compute(graph, progress);
            if (parse.GetValue(format) == "json")
            {
                GraphCli.WriteJson(null, json => WriteJson(json, stats));
            }
            else
            {
                WriteText(stats);
            }
            return GraphCli.Ok;
        }));
        return command;
    }

    internal sealed record GraphStats(
        CsrGraph Graph,
        DegreeStatistics Degrees,
        Components Weak,
        Components? Strong,
        int MaxCore,
        TriangleCounts Triangles);

    internal static GraphStats Compute(CsrGraph graph, Progress progress)
    {
        var degrees = DegreeStatistics.Compute(graph);
        progress.Step("components");
        var weak = ConnectedComponents.Weak(graph);
        var strong = graph.IsDirected ? ConnectedComponents.Strong(graph) : null;
        progress.Step("k-core decomposition");
        var cores = KCoreDecomposition.CoreNumbers(graph);
        progress.Step("triangles");
        var triangles = Clustering.CountTriangles(graph);
        progress.Step("done");
        return new GraphStats(graph, degrees, weak, strong, cores.Length == 0 ? 0 : cores.Max(), triangles);
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter json, GraphStats s)
    {
        json.WriteStartObject();
        json.WriteNumber("nodes", s.Graph.NodeCount);
        json.WriteNumber("edges", s.Graph.EdgeCount);
        json.WriteBoolean("directed", s.Graph.IsDirected);
        json.WriteBoolean("weighted", s.Graph.IsWeighted);
        json.WriteBoolean("self_loops", s.Graph.HasSelfLoops);
        json.WriteBoolean("repeated_edges", s.Graph.HasRepeatedEdges);
        json.WriteNumber("isolates", s.Degrees.Isolates);
        WriteDegrees(json, "degree", s.Degrees.Degree);
        if (s.Graph.IsDirected)
        {
            WriteDegrees(json, "out_degree", s.Degrees.OutDegree);
            WriteDegrees(json, "in_degree", s.Degrees.InDegree);
        }
        json.WriteNumber("components", s.Weak.Count);
        json.WriteNumber("largest_component", s.Weak.LargestSize);
        if (s.Strong is not null)
        {
            json.WriteNumber("strong_components", s.Strong.Count);
            json.WriteNumber("largest_strong_component", s.Strong.LargestSize);
        }
        json.WriteNumber("max_core", s.MaxCore);
        json.WriteNumber("triangles", s.Triangles.TotalTriangles);
        json.WriteNumber("transitivity", s.Triangles.Transitivity());
        json.WriteNumber("average_clustering", s.Triangles.AverageClustering());
        json.WriteEndObject();
    }

    private static void WriteDegrees(System.Text.Json.Utf8JsonWriter json, string name, DegreeSummary d)
    {
        json.WriteStartObject(name);
        json.WriteNumber("min", d.Min);
        json.WriteNumber("max", d.Max);
        json.WriteNumber("mean", d.Mean);
        json.WriteNumber("median", d.Median);
        json.WriteNumber("std", d.StandardDeviation);
        json.WriteEndObject();
    }

    private static void WriteText(GraphStats s)
    {
        var g = s.Graph;
        var d = s.Degrees.Degree;
        Console.WriteLine($"nodes               {g.NodeCount}");
        Console.WriteLine($"edges               {g.EdgeCount}");
        Console.WriteLine($"directed            {(g.IsDirected ? "yes" : "no")}");
        Console.WriteLine($"weighted            {(g.IsWeighted ? "yes" : "no")}");
        Console.WriteLine($"self-loops          {(g.HasSelfLoops ? "yes" : "no")}");
        Console.WriteLine($"repeated edges      {(g.HasRepeatedEdges ? "yes" : "no")}");
        Console.WriteLine($"isolates            {s.Degrees.Isolates}");
        Console.WriteLine($"degree              min {d.Min}, max {d.Max}, mean {GraphCli.Number(Math.Round(d.Mean, 4))}, median {GraphCli.Number(d.Median)}");
        Console.WriteLine($"components          {s.Weak.Count} (largest {s.Weak.LargestSize})");
        if (s.Strong is not null)
        {
            Console.WriteLine($"strong components   {s.Strong.Count} (largest {s.Strong.LargestSize})");
        }
        Console.WriteLine($"max core            {s.MaxCore}");
        Console.WriteLine($"triangles           {s.Triangles.TotalTriangles}");
        Console.WriteLine($"transitivity        {GraphCli.Number(Math.Round(s.Triangles.Transitivity(), 6))}");
        Console.WriteLine($"average clustering  {GraphCli.Number(Math.Round(s.Triangles.AverageClustering(), 6))}");
    }
}
