using System.CommandLine;
using Connective.Graph;
using Connective.Graph.Algorithms;

namespace Connective.Cli.Graph;

/// <summary>`connective graph analyse FILE`: per-node measures as CSV or JSON.</summary>
internal static class AnalyseCommand
{
    /// <summary>Every measure the command knows, in output column order, with what it means.</summary>
    private static readonly (string Name, string Help)[] Measures =
    [
        ("degree", "degree (in + out when directed; a self-loop counts 2)"),
        ("in_degree", "in-degree (directed graphs)"),
        ("out_degree", "out-degree (directed graphs)"),
        ("component", "weak component number (components numbered by smallest node)"),
        ("core", "core number (undirected simple view)"),
        ("triangles", "triangles through the node (undirected simple view)"),
        ("clustering", "local clustering coefficient (0 below degree 2)"),
        ("pagerank", "PageRank, damping 0.85, L1 residual < 1e-10 (igraph PRPACK conventions)"),
        ("eigenvector", "eigenvector centrality, unit L2 norm"),
        ("reach1", "distinct nodes within 1 step (out-reach)"),
        ("reach2", "distinct nodes within 2 steps, exact (out-reach)"),
        ("betweenness", "exact betweenness, unnormalised, unordered pairs once"),
        ("closeness", "closeness (NetworkX wf_improved=True)"),
        ("harmonic", "harmonic centrality"),
        ("constraint", "Burt's constraint"),
        ("effective_size", "Burt's effective size"),
    ];

    private static readonly string[] DefaultMeasures = ["degree", "component", "core", "clustering", "pagerank"];

    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var format = GraphCli.FormatOption("Output format", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var simple = new Option<bool>("--simple")
        {
            Description = "Merge repeated edges and drop self-loops while reading (issue 3's reference definitions). Without it, "
                + "degree and pagerank count repeats and self-loops as igraph does on a multigraph; the other measures are unaffected.",
        };
        var measures = new Option<string[]>("--measures", "-m")
        {
            Description = "Comma- or space-separated measures: "
                + string.Join("; ", Measures.Select(m => $"{m.Name} = {m.Help}"))
                + $". Default: {string.Join(",", DefaultMeasures)}. 'all' selects every one.",
            AllowMultipleArgumentsPerToken = true,
        };
        measures.Validators.Add(result =>
        {
            foreach (var name in Split(result.GetValueOrDefault<string[]>() ?? []))
            {
                if (name != "all" && Array.FindIndex(Measures, m => m.Name == name) < 0)
                {
                    result.AddError($"Unknown measure '{name}'. Known: {string.Join(", ", Measures.Select(m => m.Name))}, all.");
                }
            }
        });
        var command = new Command(
            "analyse",
            "Per-node measures, one row per node keyed by its id, as CSV or JSON. Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, simple, measures, format, output, quiet,
        };
        command.Aliases.Add("analyze");
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress, parse.GetValue(simple));
            var requested = Split(parse.GetValue(measures) ?? DefaultMeasures).ToHashSet(StringComparer.Ordinal);
            if (requested.Count == 0 || requested.Contains("all"))
            {
                requested = requested.Count == 0 ? [.. DefaultMeasures] : [.. Measures.Select(m => m.Name)];
            }
            if (!graph.IsDirected)
            {
                requested.Remove("in_degree");
                requested.Remove("out_degree");
            }
            var columns = Measures.Where(m => requested.Contains(m.Name)).Select(m => (m.Name, Values: Compute(graph, m.Name, progress))).ToList();
            progress.Step("writing results");
            if (parse.GetValue(format) == "json")
            {
                GraphCli.WriteJson(parse.GetValue(output), json =>
                {
                    json.WriteStartArray();
                    for (var u = 0; u < graph.NodeCount; u++)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("node");
                        GraphCli.WriteNodeId(json, graph, u);
                        foreach (var (name, values) in columns)
                        {
                            GraphCli.WriteNumber(json, name, values[u]);
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
            }
            else
            {
                using var writer = GraphCli.OpenOutput(parse.GetValue(output));
                writer.Write("node");
                foreach (var (name, _) in columns)
                {
                    writer.Write(',');
                    writer.Write(name);
                }
                writer.WriteLine();
                for (var u = 0; u < graph.NodeCount; u++)
                {
                    writer.Write(GraphCli.Csv(graph.Labels[u]));
                    foreach (var (_, values) in columns)
                    {
                        writer.Write(',');
                        writer.Write(GraphCli.Number(values[u]));
                    }
                    writer.WriteLine();
                }
            }
            progress.Step("done");
            return GraphCli.Ok;
        }));
        return command;
    }

    private static IEnumerable<string> Split(IEnumerable<string> tokens) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(t => t.ToLowerInvariant());

    private static double[] Compute(CsrGraph graph, string measure, Progress progress)
    {
        progress.Step(measure);
        return measure switch
        {
            "degree" => ToDouble(DegreeStatistics.NodeDegrees(graph)),
            "in_degree" => ToDouble(Enumerable.Range(0, graph.NodeCount).Select(graph.InDegree).ToArray()),
            "out_degree" => ToDouble(Enumerable.Range(0, graph.NodeCount).Select(graph.Degree).ToArray()),
            "component" => ToDouble(ConnectedComponents.Weak(graph).Membership),
            "core" => ToDouble(KCoreDecomposition.CoreNumbers(graph)),
            "triangles" => Clustering.CountTriangles(graph).Triangles.Select(t => (double)t).ToArray(),
            "clustering" => Clustering.CountTriangles(graph).LocalClustering(),
            "pagerank" => PageRank.Compute(graph).Scores,
            "eigenvector" => EigenvectorCentrality.Compute(graph).Scores,
            "reach1" => ToDouble(Reach.WithinOne(graph)),
            "reach2" => ToDouble(Reach.WithinTwo(graph)),
            "betweenness" => Betweenness.Exact(graph),
            "closeness" => Closeness.Compute(graph),
            "harmonic" => Closeness.Harmonic(graph),
            "constraint" => Brokerage.Constraint(graph),
            "effective_size" => Brokerage.EffectiveSize(graph),
            _ => throw new ArgumentException($"Unknown measure '{measure}'."),
        };
    }

    private static double[] ToDouble(int[] values) => Array.ConvertAll(values, v => (double)v);
}
