using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Connective.Graph.Layout;

namespace Connective.Cli.Graph;

/// <summary>`connective graph layout FILE`: seeded ForceAtlas2 positions for every node, as CSV or JSON.</summary>
internal static class LayoutCommand
{
    public static Command Create()
    {
        var defaults = new ForceLayoutOptions();
        var file = GraphCli.FileArgument();
        var from = GraphCli.FromOption();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var iterations = new Option<int>("--iterations", "-n") { Description = $"Iterations to run (default {defaults.Iterations}).", DefaultValueFactory = _ => defaults.Iterations };
        var theta = new Option<double>("--theta") { Description = $"Barnes–Hut θ, cell width over distance (default {GraphCli.Number(defaults.BarnesHutTheta)}; 0 is exact and quadratic).", DefaultValueFactory = _ => defaults.BarnesHutTheta };
        var gravity = new Option<double>("--gravity") { Description = $"Pull towards the centre (default {GraphCli.Number(defaults.Gravity)}).", DefaultValueFactory = _ => defaults.Gravity };
        var scaling = new Option<double>("--scaling") { Description = $"Repulsion relative to attraction (default {GraphCli.Number(defaults.ScalingRatio)}).", DefaultValueFactory = _ => defaults.ScalingRatio };
        var strongGravity = new Option<bool>("--strong-gravity") { Description = "Gravity grows with the distance from the centre." };
        var linLog = new Option<bool>("--linlog") { Description = "LinLog attraction (log(1 + distance)): clusters separate more." };
        var dissuadeHubs = new Option<bool>("--dissuade-hubs") { Description = "Divide attraction by degree + 1: hubs move to the edge." };
        var weightInfluence = new Option<double>("--edge-weight-influence") { Description = $"Edge weight exponent (default {GraphCli.Number(defaults.EdgeWeightInfluence)}; 0 ignores weights).", DefaultValueFactory = _ => defaults.EdgeWeightInfluence };
        var jitter = new Option<double>("--jitter-tolerance") { Description = $"Swinging tolerated by the adaptive speed (default {GraphCli.Number(defaults.JitterTolerance)}).", DefaultValueFactory = _ => defaults.JitterTolerance };
        var seed = GraphCli.SeedOption();
        var format = GraphCli.FormatOption("Output format: one row (or object) per node with its id, x and y", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var showProgress = GraphCli.ProgressOption();
        var command = new Command(
            "layout",
            "Force-directed positions (ForceAtlas2 with Barnes–Hut repulsion), seeded: the same seed gives the same positions on any machine. Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, iterations, theta, gravity, scaling, strongGravity, linLog, dissuadeHubs, weightInfluence, jitter, seed, format, output, quiet, showProgress, from,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet), parse.GetValue(showProgress));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(from), parse.GetValue(directed), parse.GetValue(undirected), progress);
            var options = new ForceLayoutOptions
            {
                Iterations = parse.GetValue(iterations),
                BarnesHutTheta = parse.GetValue(theta),
                Gravity = parse.GetValue(gravity),
                ScalingRatio = parse.GetValue(scaling),
                StrongGravity = parse.GetValue(strongGravity),
                LinLog = parse.GetValue(linLog),
                DissuadeHubs = parse.GetValue(dissuadeHubs),
                EdgeWeightInfluence = parse.GetValue(weightInfluence),
                JitterTolerance = parse.GetValue(jitter),
                Seed = parse.GetValue(seed),
            };
            var clock = Stopwatch.StartNew();
            var layout = ForceLayout.Compute(graph, options, cancellationToken);
            progress.Step(string.Create(CultureInfo.InvariantCulture, $"layout: {layout.Iterations} iterations in {clock.Elapsed.TotalSeconds:F2} s"));
            if (parse.GetValue(format) == "json")
            {
                GraphCli.WriteJson(parse.GetValue(output), json =>
                {
                    json.WriteStartObject();
                    json.WriteNumber("seed", options.Seed);
                    json.WriteNumber("iterations", layout.Iterations);
                    json.WriteStartArray("nodes");
                    for (var u = 0; u < graph.NodeCount; u++)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("node");
                        GraphCli.WriteNodeId(json, graph, u);
                        json.WriteNumber("x", layout.X[u]);
                        json.WriteNumber("y", layout.Y[u]);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                return GraphCli.Ok;
            }
            using var writer = GraphCli.OpenOutput(parse.GetValue(output));
            writer.WriteLine("node,x,y");
            for (var u = 0; u < graph.NodeCount; u++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{GraphCli.Csv(graph.Labels[u])},{layout.X[u]:R},{layout.Y[u]:R}"));
            }
            return GraphCli.Ok;
        })));
        return command;
    }
}
