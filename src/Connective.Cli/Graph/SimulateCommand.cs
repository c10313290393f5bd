using System.CommandLine;
using Connective.Graph.Dynamics;

namespace Connective.Cli.Graph;

/// <summary>`connective graph simulate FILE`: many seeded runs of a spread model, with final sizes and time series.</summary>
internal static class SimulateCommand
{
    private static readonly Dictionary<string, SpreadModel> Models = new(StringComparer.Ordinal)
    {
        ["sir"] = SpreadModel.SirContinuous,
        ["sir-discrete"] = SpreadModel.SirDiscrete,
        ["sis"] = SpreadModel.SisContinuous,
        ["sis-discrete"] = SpreadModel.SisDiscrete,
        ["ic"] = SpreadModel.IndependentCascade,
        ["lt"] = SpreadModel.LinearThreshold,
        ["complex"] = SpreadModel.ComplexContagion,
    };

    private static readonly double[] Quantiles = [0.05, 0.25, 0.5, 0.75, 0.95];

    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var model = new Option<string>("--model", "-m")
        {
            Description = "sir, sis (exact continuous time), sir-discrete, sis-discrete, ic (independent cascade), lt (linear threshold), complex (complex contagion); default sir.",
            DefaultValueFactory = _ => "sir",
        };
        model.AcceptOnlyFromAmong([.. Models.Keys]);
        var beta = new Option<double>("--beta") { Description = "Transmission: rate per edge (sir, sis), probability per edge per step (discrete), or per edge (ic). Default 0.1.", DefaultValueFactory = _ => 0.1 };
        var gamma = new Option<double>("--gamma") { Description = "Recovery: rate (sir, sis) or probability per step (discrete). Default 1.", DefaultValueFactory = _ => 1.0 };
        var threshold = new Option<double>("--threshold") { Description = "Complex contagion: adopted neighbours needed (or a fraction with --fractional). Default 2.", DefaultValueFactory = _ => 2.0 };
        var fractional = new Option<bool>("--fractional") { Description = "The threshold is a fraction of the in-degree." };
        var edgeWeights = new Option<bool>("--edge-weights") { Description = "Use the graph's edge weights as per-edge transmission (or linear-threshold weights)." };
        var initial = new Option<int>("--initial") { Description = "Random initial active nodes per run (default 1).", DefaultValueFactory = _ => 1 };
        var start = new Option<string[]>("--start") { Description = "Start every run from these node ids instead (comma- or space-separated).", AllowMultipleArgumentsPerToken = true };
        var immune = new Option<string[]>("--immune") { Description = "Node ids fixed as immunised or protected.", AllowMultipleArgumentsPerToken = true };
        var adopted = new Option<string[]>("--adopted") { Description = "Node ids fixed as already adopted (active throughout).", AllowMultipleArgumentsPerToken = true };
        var runs = new Option<int>("--runs", "-r") { Description = "Independent runs (default 1000).", DefaultValueFactory = _ => 1000 };
        var maxTime = new Option<double>("--max-time") { Description = "Continuous models stop at this time (default 100).", DefaultValueFactory = _ => 100.0 };
        var maxSteps = new Option<int>("--max-steps") { Description = "Discrete models stop after this many steps (default 1000).", DefaultValueFactory = _ => 1000 };
        var points = new Option<int>("--points") { Description = "Reporting times in the series (default 101).", DefaultValueFactory = _ => 101 };
        var sizes = new Option<bool>("--sizes") { Description = "CSV: write each run's final size instead of the time series." };
        var seed = GraphCli.SeedOption();
        var format = GraphCli.FormatOption("Output format", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "simulate",
            "Simulate a spread process many times (seeded; the same on any number of cores). CSV gives the mean number active and "
            + "ever active over time with 95% intervals (or, with --sizes, each run's final size); JSON gives both and the final-size "
            + "distribution. Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, model, beta, gamma, threshold, fractional, edgeWeights, initial, start, immune, adopted,
            runs, maxTime, maxSteps, points, sizes, seed, format, output, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var fixedStates = new FixedNodeState[graph.NodeCount];
            foreach (var v in DynamicsCli.Nodes(graph, parse.GetValue(immune), "--immune"))
            {
                fixedStates[v] = FixedNodeState.Immune;
            }
            foreach (var v in DynamicsCli.Nodes(graph, parse.GetValue(adopted), "--adopted"))
            {
                fixedStates[v] = fixedStates[v] == FixedNodeState.Immune
                    ? throw new ArgumentException($"Node '{graph.Labels[v]}' is both --immune and --adopted.")
                    : FixedNodeState.Adopted;
            }
            var startNodes = DynamicsCli.Nodes(graph, parse.GetValue(start), "--start");
            var options = new SpreadOptions
            {
                Model = Models[parse.GetValue(model)!],
                Transmission = parse.GetValue(beta),
                Recovery = parse.GetValue(gamma),
                Threshold = parse.GetValue(threshold),
                FractionalThreshold = parse.GetValue(fractional),
                EdgeTransmission = parse.GetValue(edgeWeights) ? Spread.EdgeParametersFromWeights(graph) : null,
                InitialNodes = startNodes.Length > 0 ? startNodes : null,
                InitialCount = parse.GetValue(initial),
                FixedStates = fixedStates,
                Runs = parse.GetValue(runs),
                MaxTime = parse.GetValue(maxTime),
                MaxSteps = parse.GetValue(maxSteps),
                TimePoints = parse.GetValue(points),
                Seed = parse.GetValue(seed),
            };
            progress.Step($"simulating {options.Runs:N0} runs of {parse.GetValue(model)}");
            var result = Spread.Simulate(graph, options, new TimeLeft(parse.GetValue(quiet), "runs", options.Runs));
            progress.Step($"mean final size {result.FinalSize.Mean:F1} [{result.FinalSize.Low:F1}, {result.FinalSize.High:F1}]");
            Write(result, parse.GetValue(format) == "json", parse.GetValue(sizes), parse.GetValue(output));
            progress.Step("done");
            return GraphCli.Ok;
        }));
        return command;
    }

    private static void Write(SpreadResult result, bool json, bool sizes, string? output)
    {
        if (json)
        {
            GraphCli.WriteJson(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("model", result.Model.ToString());
                w.WriteNumber("nodes", result.NodeCount);
                w.WriteNumber("runs", result.Runs);
                w.WriteStartObject("final_size");
                GraphCli.WriteNumber(w, "mean", result.FinalSize.Mean);
                GraphCli.WriteNumber(w, "sd", result.FinalSize.StandardDeviation);
                GraphCli.WriteNumber(w, "ci95_low", result.FinalSize.Low);
                GraphCli.WriteNumber(w, "ci95_high", result.FinalSize.High);
                foreach (var q in Quantiles)
                {
                    w.WriteNumber($"q{q * 100:00}", result.FinalSizeQuantile(q));
                }
                w.WriteEndObject();
                w.WriteStartArray("final_sizes");
                foreach (var s in result.FinalSizes)
                {
                    w.WriteNumberValue(s);
                }
                w.WriteEndArray();
                w.WriteStartArray("series");
                for (var k = 0; k < result.Times.Length; k++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("time", result.Times[k]);
                    GraphCli.WriteNumber(w, "active", result.Active[k].Mean);
                    GraphCli.WriteNumber(w, "active_low", result.Active[k].Low);
                    GraphCli.WriteNumber(w, "active_high", result.Active[k].High);
                    GraphCli.WriteNumber(w, "ever", result.Cumulative[k].Mean);
                    GraphCli.WriteNumber(w, "ever_low", result.Cumulative[k].Low);
                    GraphCli.WriteNumber(w, "ever_high", result.Cumulative[k].High);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        using var writer = GraphCli.OpenOutput(output);
        if (sizes)
        {
            writer.WriteLine("run,final_size,ever_active,duration");
            for (var r = 0; r < result.Runs; r++)
            {
                writer.WriteLine($"{r},{result.FinalSizes[r]},{result.EverActive[r]},{DynamicsCli.F(result.Durations[r])}");
            }
            return;
        }
        writer.WriteLine("time,active,active_low,active_high,ever,ever_low,ever_high");
        for (var k = 0; k < result.Times.Length; k++)
        {
            var a = result.Active[k];
            var c = result.Cumulative[k];
            writer.WriteLine($"{DynamicsCli.F(result.Times[k])},{DynamicsCli.F(a.Mean)},{DynamicsCli.F(a.Low)},{DynamicsCli.F(a.High)},{DynamicsCli.F(c.Mean)},{DynamicsCli.F(c.Low)},{DynamicsCli.F(c.High)}");
        }
    }
}
