using System.CommandLine;
using Connective.Graph.Algorithms;

namespace Connective.Cli.Graph;

/// <summary>`connective graph communities FILE`: Leiden (default) or Louvain community detection.</summary>
internal static class CommunitiesCommand
{
    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var method = new Option<string>("--method") { Description = "leiden (default) or louvain.", DefaultValueFactory = _ => "leiden" };
        method.AcceptOnlyFromAmong("leiden", "louvain");
        var resolution = new Option<double>("--resolution", "-r") { Description = "Modularity resolution γ (default 1; larger gives smaller communities).", DefaultValueFactory = _ => 1.0 };
        resolution.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0) || !double.IsFinite(r.GetValueOrDefault<double>()))
            {
                r.AddError("--resolution must be a positive number.");
            }
        });
        var unweighted = new Option<bool>("--unweighted") { Description = "Ignore edge weights." };
        var seed = GraphCli.SeedOption();
        var format = GraphCli.FormatOption("Output format: text prints a summary, csv and json also list every node's community", "text", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "communities",
            "Community detection by modularity: Leiden (default) or Louvain, seeded. Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, method, resolution, unweighted, seed, format, output, quiet,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var options = new CommunityOptions { Resolution = parse.GetValue(resolution), Seed = parse.GetValue(seed), UseWeights = !parse.GetValue(unweighted) };
            var name = parse.GetValue(method)!;
            progress.Step($"{name} (resolution {GraphCli.Number(options.Resolution)}, seed {options.Seed})");
            var result = name == "louvain"
                ? CommunityDetection.Louvain(graph, options, cancellationToken)
                : CommunityDetection.Leiden(graph, options, cancellationToken);
            progress.Step($"{result.CommunityCount:N0} communities, modularity {result.Modularity:F6}{(result.OnUndirectedSimpleView ? " on the undirected simple view" : "")}");
            var sizes = new int[result.CommunityCount];
            foreach (var c in result.Membership)
            {
                sizes[c]++;
            }
            switch (parse.GetValue(format))
            {
                case "json":
                    GraphCli.WriteJson(parse.GetValue(output), json =>
                    {
                        json.WriteStartObject();
                        json.WriteString("method", name);
                        json.WriteNumber("resolution", options.Resolution);
                        json.WriteNumber("seed", options.Seed);
                        json.WriteNumber("communities", result.CommunityCount);
                        json.WriteNumber("modularity", result.Modularity);
                        json.WriteString("modularity_of", result.OnUndirectedSimpleView ? "undirected simple view" : "graph");
                        json.WriteStartArray("sizes");
                        foreach (var size in sizes)
                        {
                            json.WriteNumberValue(size);
                        }
                        json.WriteEndArray();
                        json.WriteStartArray("membership");
                        for (var u = 0; u < graph.NodeCount; u++)
                        {
                            json.WriteStartObject();
                            json.WritePropertyName("node");
                            GraphCli.WriteNodeId(json, graph, u);
                            json.WriteNumber("community", result.Membership[u]);
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                        json.WriteEndObject();
                    });
                    break;
                case "csv":
                    using (var writer = GraphCli.OpenOutput(parse.GetValue(output)))
                    {
                        writer.WriteLine("node,community");
                        for (var u = 0; u < graph.NodeCount; u++)
                        {
                            writer.WriteLine($"{GraphCli.Csv(graph.Labels[u])},{result.Membership[u]}");
                        }
                    }
                    break;
                default:
                    using (var writer = GraphCli.OpenOutput(parse.GetValue(output)))
                    {
                        writer.WriteLine($"method        {name}");
                        writer.WriteLine($"communities   {result.CommunityCount}");
                        writer.WriteLine($"modularity    {GraphCli.Number(Math.Round(result.Modularity, 6))}{(result.OnUndirectedSimpleView ? " (of the undirected simple view: reciprocal arcs once, self-loops dropped)" : "")}");
                        writer.WriteLine($"largest       {(sizes.Length == 0 ? 0 : sizes.Max())}");
                        writer.WriteLine($"sizes         {string.Join(' ', sizes.OrderDescending().Take(20))}{(sizes.Length > 20 ? " …" : "")}");
                    }
                    break;
            }
            return GraphCli.Ok;
        })));
        return command;
    }
}
