using System.CommandLine;
using System.Globalization;
using Connective.Graph;
using Connective.Graph.Formats;
using Connective.Graph.Generators;

namespace Connective.Cli.Graph;

/// <summary>`connective graph generate MODEL`: seeded random graphs written to a file or stdout.</summary>
internal static class GenerateCommand
{
    private static readonly string[] Models = ["erdos-renyi", "barabasi-albert", "watts-strogatz", "sbm", "community"];

    public static Command Create()
    {
        var model = new Argument<string>("MODEL")
        {
            Description = "erdos-renyi (--p or --edges), barabasi-albert (--m), watts-strogatz (--k, --p), "
                + "sbm (--blocks, --p-in, --p-out), community (the demo borough's tie model).",
        };
        model.AcceptOnlyFromAmong(Models);
        var nodes = new Option<int>("--nodes", "-n") { Description = "Number of nodes (sbm: taken from --blocks).", DefaultValueFactory = _ => 1000 };
        var p = new Option<double?>("--p") { Description = "erdos-renyi: edge probability; watts-strogatz: rewiring probability." };
        var edges = new Option<long?>("--edges") { Description = "erdos-renyi: exact number of edges, G(n, m)." };
        var m = new Option<int>("--m") { Description = "barabasi-albert: edges each new node brings (default 5).", DefaultValueFactory = _ => 5 };
        var k = new Option<int>("--k") { Description = "watts-strogatz: each node joined to its k nearest ring neighbours (even; default 10).", DefaultValueFactory = _ => 10 };
        var blocks = new Option<string?>("--blocks") { Description = "sbm: comma-separated block sizes, e.g. 500,300,200." };
        var pIn = new Option<double>("--p-in") { Description = "sbm: edge probability within a block (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var pOut = new Option<double>("--p-out") { Description = "sbm: edge probability between blocks (default 0.001).", DefaultValueFactory = _ => 0.001 };
        var seed = GraphCli.SeedOption();
        var output = new Option<string?>("--output", "-o") { Description = "File to write (format from the extension; .gz compresses). Default: an edge list on stdout." };
        var to = new Option<string?>("--to") { Description = "Output format when the extension does not say: edgelist, csv, graphml, gexf, gml, pajek." };
        var quiet = GraphCli.QuietOption();
        var command = new Command("generate", "Generate a seeded random graph: the same seed gives the same graph on every machine. Exit codes: 0 done, 1 bad parameters or output, 2 usage.")
        {
            model, nodes, p, edges, m, k, blocks, pIn, pOut, seed, output, to, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var name = parse.GetValue(model)!;
            var n = parse.GetValue(nodes);
            var s = parse.GetValue(seed);
            if (n < 1 && name != "sbm")
            {
                return GraphCli.Fail("--nodes must be at least 1.");
            }
            progress.Step($"generating {name} (seed {s})");
            CsrGraph graph;
            switch (name)
            {
                case "erdos-renyi":
                    var probability = parse.GetValue(p);
                    var edgeCount = parse.GetValue(edges);
                    if ((probability is null) == (edgeCount is null))
                    {
                        return GraphCli.Fail("erdos-renyi needs exactly one of --p and --edges.");
                    }
                    graph = probability is { } pr ? ErdosRenyi.Gnp(n, pr, s) : ErdosRenyi.Gnm(n, edgeCount!.Value, s);
                    break;
                case "barabasi-albert":
                    graph = BarabasiAlbert.Generate(n, parse.GetValue(m), s);
                    break;
                case "watts-strogatz":
                    graph = WattsStrogatz.Generate(n, parse.GetValue(k), parse.GetValue(p) ?? 0.1, s);
                    break;
                case "sbm":
                    graph = Sbm(parse.GetValue(blocks), parse.GetValue(pIn), parse.GetValue(pOut), s);
                    break;
                default:
                    graph = Community(n, s);
                    break;
            }
            progress.Step($"{graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges");
            Write(graph, parse.GetValue(output), parse.GetValue(to));
            progress.Step("done");
            return GraphCli.Ok;
        }));
        return command;
    }

    private static CsrGraph Sbm(string? blocks, double pIn, double pOut, ulong seed)
    {
        if (string.IsNullOrWhiteSpace(blocks))
        {
            throw new ArgumentException("sbm needs --blocks, e.g. --blocks 500,300,200.");
        }
        var sizes = new List<int>();
        foreach (var part in blocks.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new ArgumentException($"--blocks: '{part}' is not a positive whole number.");
            }
            sizes.Add(size);
        }
        var probabilities = sizes.Select((_, a) => (IReadOnlyList<double>)sizes.Select((_, b) => a == b ? pIn : pOut).ToArray()).ToArray();
        return StochasticBlockModel.Generate(sizes, probabilities, seed);
    }

    private static CsrGraph Community(int people, ulong seed)
    {
        var community = CommunityGenerator.Generate(people, seed);
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        builder.DeclareNodes(community.PersonCount);
        builder.EnsureCapacity(community.TieCount);
        for (var i = 0; i < community.TieCount; i++)
        {
            builder.AddEdge(community.TieU[i], community.TieV[i]);
        }
        return builder.Build();
    }

    private static void Write(CsrGraph graph, string? path, string? formatName)
    {
        GraphFormat? format = null;
        if (formatName is not null)
        {
            if (!GraphFile.TryParseFormatName(formatName, out var parsed))
            {
                throw new ArgumentException($"Unknown format '{formatName}' for --to; use edgelist, csv, graphml, gexf, gml or pajek.");
            }
            format = parsed;
        }
        if (path is null)
        {
            using var stdout = Console.OpenStandardOutput();
            GraphFile.Write(graph, stdout, format ?? GraphFormat.EdgeList);
            return;
        }
        if (format is null && GraphFile.FormatOf(path) is null)
        {
            throw new ArgumentException($"Cannot tell the output format from '{path}'; pass --to.");
        }
        GraphFile.Write(graph, path, format);
    }
}
