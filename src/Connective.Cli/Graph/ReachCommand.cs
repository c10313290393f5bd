using System.CommandLine;
using Connective.Graph;
using Connective.Graph.Algorithms;
using Connective.Graph.Generators;

namespace Connective.Cli.Graph;

/// <summary>`connective graph reach FILE`: how many people each node reaches within 1, 2 or 3 steps.</summary>
internal static class ReachCommand
{
    /// <summary>Above this many nodes, all-node reach within 3 steps is estimated (HyperANF) unless --exact is given.</summary>
    internal const int ExactAllNodeLimit = 200_000;

    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var steps = new Option<int>("--steps", "-k") { Description = "Radius k: count nodes at distance 1..k (1, 2 or 3; default 3).", DefaultValueFactory = _ => 3 };
        steps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3)
            {
                r.AddError("--steps must be 1, 2 or 3.");
            }
        });
        var sources = new Option<string[]>("--nodes", "-n") { Description = "Only these node ids (comma- or space-separated); counts are exact.", AllowMultipleArgumentsPerToken = true };
        var sample = new Option<int?>("--sample") { Description = "Only a uniform random sample of this many nodes (seeded); counts are exact." };
        var exact = new Option<bool>("--exact") { Description = $"Count exactly for every node even above {ExactAllNodeLimit:N0} nodes at k = 3 (can be slow)." };
        var approximate = new Option<bool>("--approximate") { Description = "Estimate k = 3 with HyperANF (2^10 registers per node) whatever the size." };
        var seed = GraphCli.SeedOption();
        var format = GraphCli.FormatOption("Output format", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "reach",
            "Reach within k steps: the number of nodes at distance 1..k, the node itself excluded (out-reach when directed). "
            + "k = 1 and 2 are always exact; k = 3 is exact for chosen or sampled nodes and for graphs up to "
            + $"{ExactAllNodeLimit:N0} nodes, and estimated by HyperANF beyond (column 'estimated' says which). "
            + "Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, steps, sources, sample, exact, approximate, seed, format, output, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            if (parse.GetValue(exact) && parse.GetValue(approximate))
            {
                return GraphCli.Fail("--exact and --approximate contradict each other.");
            }
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var k = parse.GetValue(steps);
            var chosen = ChooseNodes(graph, parse.GetValue(sources), parse.GetValue(sample), parse.GetValue(seed));
            double[] counts;
            bool estimated;
            if (chosen is not null)
            {
                progress.Step($"exact reach within {k} from {chosen.Length:N0} nodes");
                counts = Array.ConvertAll(Reach.Within(graph, chosen, k), c => (double)c);
                estimated = false;
            }
            else
            {
                (counts, estimated) = AllNodes(graph, k, parse.GetValue(exact), parse.GetValue(approximate), parse.GetValue(seed), progress);
            }
            var nodes = chosen ?? Enumerable.Range(0, graph.NodeCount).ToArray();
            progress.Step("writing results");
            Write(graph, nodes, counts, k, estimated, parse.GetValue(format) == "json", parse.GetValue(output));
            progress.Step("done");
            return GraphCli.Ok;
        }));
        return command;
    }

    private static int[]? ChooseNodes(CsrGraph graph, string[]? ids, int? sample, ulong seed)
    {
        if (ids is { Length: > 0 } && sample is not null)
        {
            throw new ArgumentException("--nodes and --sample contradict each other.");
        }
        if (ids is { Length: > 0 })
        {
            var nodes = new List<int>();
            foreach (var id in ids.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!graph.Labels.TryGetNode(id, out var node))
                {
                    throw new ArgumentException($"Node '{id}' (from --nodes) is not in the graph.");
                }
                nodes.Add(node);
            }
            return [.. nodes];
        }
        if (sample is { } size)
        {
            if (size < 1)
            {
                throw new ArgumentException("--sample must be at least 1.");
            }
            // A seeded partial Fisher–Yates draw: the same seed picks the same nodes, listed in ascending order.
            var all = Enumerable.Range(0, graph.NodeCount).ToArray();
            var random = new SeededRandom(seed);
            var take = Math.Min(size, all.Length);
            for (var i = 0; i < take; i++)
            {
                var j = random.NextInt(i, all.Length);
                (all[i], all[j]) = (all[j], all[i]);
            }
            var chosen = all[..take];
            Array.Sort(chosen);
            return chosen;
        }
        return null;
    }

    private static (double[] Counts, bool Estimated) AllNodes(CsrGraph graph, int k, bool exact, bool approximate, ulong seed, Progress progress)
    {
        if (k == 1)
        {
            progress.Step("exact reach within 1");
            return (Array.ConvertAll(Reach.WithinOne(graph), c => (double)c), false);
        }
        if (k == 2)
        {
            progress.Step("exact reach within 2");
            return (Array.ConvertAll(Reach.WithinTwo(graph), c => (double)c), false);
        }
        if (approximate || (!exact && graph.NodeCount > ExactAllNodeLimit))
        {
            progress.Step("HyperANF estimate of reach within 3");
            return (HyperAnf.ReachWithin(graph, 3, seed), true);
        }
        progress.Step("exact reach within 3 from every node");
        var all = Enumerable.Range(0, graph.NodeCount).ToArray();
        return (Array.ConvertAll(Reach.Within(graph, all, 3), c => (double)c), false);
    }

    private static void Write(CsrGraph graph, int[] nodes, double[] counts, int k, bool estimated, bool json, string? output)
    {
        var column = $"reach{k}";
        if (json)
        {
            GraphCli.WriteJson(output, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("steps", k);
                w.WriteBoolean("estimated", estimated);
                w.WriteStartArray("nodes");
                for (var i = 0; i < nodes.Length; i++)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("node");
                    GraphCli.WriteNodeId(w, graph, nodes[i]);
                    w.WriteNumber(column, estimated ? Math.Round(counts[i], 1) : counts[i]);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        using var writer = GraphCli.OpenOutput(output);
        writer.WriteLine($"node,{column},estimated");
        var flag = estimated ? "true" : "false";
        for (var i = 0; i < nodes.Length; i++)
        {
            writer.WriteLine($"{GraphCli.Csv(graph.Labels[nodes[i]])},{GraphCli.Number(estimated ? Math.Round(counts[i], 1) : counts[i])},{flag}");
        }
    }
}
