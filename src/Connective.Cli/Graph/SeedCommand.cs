using System.CommandLine;
using System.Diagnostics;
using Connective.Graph.Dynamics;

namespace Connective.Cli.Graph;

/// <summary>`connective graph seed FILE`: whom to start a spread from (IMM, CELF, baselines), or whom to protect.</summary>
internal static class SeedCommand
{
    private static readonly Dictionary<string, SeedingMethod> Methods = new(StringComparer.Ordinal)
    {
        ["imm"] = SeedingMethod.Imm,
        ["celf"] = SeedingMethod.Celf,
        ["degree"] = SeedingMethod.HighDegree,
        ["random"] = SeedingMethod.Random,
        ["friends"] = SeedingMethod.FriendNomination,
    };

    private static readonly Dictionary<string, ProtectionMethod> ProtectionMethods = new(StringComparer.Ordinal)
    {
        ["greedy"] = ProtectionMethod.Greedy,
        ["degree"] = ProtectionMethod.HighDegree,
        ["friends"] = ProtectionMethod.Acquaintance,
    };

    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var k = new Option<int>("-k") { Description = "How many people (default 10).", DefaultValueFactory = _ => 10 };
        var method = new Option<string?>("--method") { Description = "Seeding: imm (default), celf, degree, random, friends. With --protect: greedy (default), degree, friends (acquaintance)." };
        var protect = new Option<bool>("--protect") { Description = "Choose people to protect (immunise) against a harmful spread instead of seeds." };
        var p = new Option<double>("--p") { Description = "Independent-cascade probability per edge (default 0.01; for protection against SIR, T = β/(β+γ)).", DefaultValueFactory = _ => 0.01 };
        var edgeWeights = new Option<bool>("--edge-weights") { Description = "Use the graph's edge weights as per-edge probabilities (seeding)." };
        var epsilon = new Option<double>("--epsilon") { Description = "IMM: the guarantee is 1 − 1/e − ε (default 0.1).", DefaultValueFactory = _ => 0.1 };
        var ell = new Option<double>("--ell") { Description = "IMM: the guarantee holds with probability 1 − n^−ℓ (default 1).", DefaultValueFactory = _ => 1.0 };
        var worlds = new Option<int>("--worlds") { Description = "CELF and greedy protection: sampled live-edge worlds (default 200).", DefaultValueFactory = _ => 200 };
        var initial = new Option<int>("--initial") { Description = "Protection: random starting people per sampled outbreak (default 1).", DefaultValueFactory = _ => 1 };
        var evaluate = new Option<int>("--evaluate") { Description = "Monte Carlo runs to estimate the chosen seeds' spread independently (default 10000; 0 to skip).", DefaultValueFactory = _ => 10_000 };
        var seed = GraphCli.SeedOption();
        var format = GraphCli.FormatOption("Output format", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "seed",
            "Choose k seeds for a spread under the independent cascade: IMM (a 1 − 1/e − ε approximation with probability 1 − n^−ℓ), "
            + "CELF greedy, or the degree, random and friend-nomination baselines; or, with --protect, k people to protect. "
            + "Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, k, method, protect, p, edgeWeights, epsilon, ell, worlds, initial, evaluate, seed, format, output, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var json = parse.GetValue(format) == "json";
            var clock = Stopwatch.StartNew();
            if (parse.GetValue(protect))
            {
                var name = parse.GetValue(method) ?? "greedy";
                if (!ProtectionMethods.TryGetValue(name, out var chosen))
                {
                    return GraphCli.Fail($"--method '{name}' is not a protection method (greedy, degree, friends).");
                }
                progress.Step($"choosing {parse.GetValue(k)} people to protect ({name})");
                var result = Protection.Choose(graph, chosen, new ProtectionOptions(parse.GetValue(k), parse.GetValue(p), parse.GetValue(initial), parse.GetValue(worlds), Seed: parse.GetValue(seed)));
                progress.Step($"chosen in {clock.Elapsed.TotalSeconds:F2} s");
                WriteProtection(graph, result, json, parse.GetValue(output));
                return GraphCli.Ok;
            }
            var methodName = parse.GetValue(method) ?? "imm";
            if (!Methods.TryGetValue(methodName, out var seeding))
            {
                return GraphCli.Fail($"--method '{methodName}' is not a seeding method (imm, celf, degree, random, friends).");
            }
            var options = new SeedingOptions(
                parse.GetValue(k), parse.GetValue(p), parse.GetValue(edgeWeights) ? Spread.EdgeParametersFromWeights(graph) : null,
                parse.GetValue(epsilon), parse.GetValue(ell), parse.GetValue(worlds), parse.GetValue(seed));
            progress.Step($"choosing {options.K} seeds ({methodName})");
            var seeds = Seeding.Choose(graph, seeding, options);
            var seconds = clock.Elapsed.TotalSeconds;
            progress.Step($"chosen in {seconds:F2} s{(seeds.Samples > 0 ? $" ({seeds.Samples:N0} samples)" : "")}");
            Estimate? spread = null;
            if (parse.GetValue(evaluate) > 0)
            {
                progress.Step($"estimating the spread with {parse.GetValue(evaluate):N0} independent runs");
                spread = Seeding.EvaluateSpread(graph, seeds.Seeds, options, parse.GetValue(evaluate));
                progress.Step($"expected spread {spread.Mean:F2} [{spread.Low:F2}, {spread.High:F2}]");
            }
            WriteSeeds(graph, seeds, spread, seconds, options, json, parse.GetValue(output));
            return GraphCli.Ok;
        }));
        return command;
    }

    private static void WriteSeeds(Connective.Graph.CsrGraph graph, SeedingResult result, Estimate? spread, double seconds, SeedingOptions options, bool json, string? output)
    {
        if (json)
        {
            GraphCli.WriteJson(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("method", result.Method.ToString());
                w.WriteNumber("k", result.Seeds.Length);
                w.WriteNumber("seconds", Math.Round(seconds, 3));
                if (result.Method == SeedingMethod.Imm)
                {
                    w.WriteString("guarantee", $"expected spread at least (1 - 1/e - {options.Epsilon}) of the best possible with probability at least 1 - n^-{options.Ell}, under the independent cascade with the given probabilities");
                }
                GraphCli.WriteNumber(w, "method_estimate", result.EstimatedSpread);
                w.WriteNumber("samples", result.Samples);
                if (spread is not null)
                {
                    w.WriteStartObject("spread");
                    w.WriteNumber("mean", spread.Mean);
                    w.WriteNumber("ci95_low", spread.Low);
                    w.WriteNumber("ci95_high", spread.High);
                    w.WriteNumber("runs", spread.Count);
                    w.WriteEndObject();
                }
                w.WriteStartArray("seeds");
                for (var i = 0; i < result.Seeds.Length; i++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("rank", i + 1);
                    w.WritePropertyName("node");
                    GraphCli.WriteNodeId(w, graph, result.Seeds[i]);
                    if (result.Gains.Length > 0)
                    {
                        w.WriteNumber("gain", result.Gains[i]);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        using var writer = GraphCli.OpenOutput(output);
        writer.WriteLine("rank,node,gain");
        for (var i = 0; i < result.Seeds.Length; i++)
        {
            writer.WriteLine($"{i + 1},{GraphCli.Csv(graph.Labels[result.Seeds[i]])},{(result.Gains.Length > 0 ? DynamicsCli.F(result.Gains[i]) : "")}");
        }
    }

    private static void WriteProtection(Connective.Graph.CsrGraph graph, ProtectionResult result, bool json, string? output)
    {
        if (json)
        {
            GraphCli.WriteJson(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("method", result.Method.ToString());
                GraphCli.WriteNumber(w, "mean_reached_before", result.MeanReachedBefore);
                w.WriteStartArray("protect");
                for (var i = 0; i < result.Protected.Length; i++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("rank", i + 1);
                    w.WritePropertyName("node");
                    GraphCli.WriteNodeId(w, graph, result.Protected[i]);
                    if (result.MeanReachedAfter.Length > 0)
                    {
                        w.WriteNumber("mean_reached_after", result.MeanReachedAfter[i]);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        using var writer = GraphCli.OpenOutput(output);
        writer.WriteLine("rank,node,mean_reached_after");
        for (var i = 0; i < result.Protected.Length; i++)
        {
            writer.WriteLine($"{i + 1},{GraphCli.Csv(graph.Labels[result.Protected[i]])},{(result.MeanReachedAfter.Length > 0 ? DynamicsCli.F(result.MeanReachedAfter[i]) : "")}");
        }
    }
}
