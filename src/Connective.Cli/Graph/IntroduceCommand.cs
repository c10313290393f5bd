using System.CommandLine;
using Connective.Graph.Dynamics;

namespace Connective.Cli.Graph;

/// <summary>`connective graph introduce FILE`: k introductions that bring the most isolated people within two steps of support.</summary>
internal static class IntroduceCommand
{
    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var k = new Option<int>("-k") { Description = "How many introductions (default 10).", DefaultValueFactory = _ => 10 };
        var isolatedDegree = new Option<int>("--isolated-degree") { Description = "Without --isolated-column: people with at most this many ties count as isolated (default 1).", DefaultValueFactory = _ => 1 };
        var attributes = new Option<string?>("--attributes") { Description = "A node table (CSV, first column the node id) for --isolated-column and --supporter-column." };
        var isolatedColumn = new Option<string?>("--isolated-column") { Description = "A yes/no column of the node table marking isolated people." };
        var supporterColumn = new Option<string?>("--supporter-column") { Description = "A yes/no column of the node table marking supporters." };
        var supporters = new Option<string[]>("--supporters") { Description = "Supporter node ids (default: everyone who is not isolated).", AllowMultipleArgumentsPerToken = true };
        var capacity = new Option<int>("--capacity") { Description = "The most introductions any one supporter takes (default 1).", DefaultValueFactory = _ => 1 };
        var format = GraphCli.FormatOption("Output format", "csv", "json");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "introduce",
            "Choose k introductions (new ties between an isolated person and a supporter) that most increase the number of "
            + "isolated people with a supporter within two steps, greedily, reporting what each adds. "
            + "Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, k, isolatedDegree, attributes, isolatedColumn, supporterColumn, supporters, capacity, format, output, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var n = graph.NodeCount;
            var tablePath = parse.GetValue(attributes);
            var table = tablePath is null ? null : DynamicsCli.ReadNodeTable(graph, tablePath);
            if (table is null && (parse.GetValue(isolatedColumn) is not null || parse.GetValue(supporterColumn) is not null))
            {
                return GraphCli.Fail("--isolated-column and --supporter-column need --attributes.");
            }
            var isolated = parse.GetValue(isolatedColumn) is { } ic
                ? DynamicsCli.Flags(table!, ic, tablePath!)
                : Enumerable.Range(0, n).Select(v => graph.Degree(v) + (graph.IsDirected ? graph.InDegree(v) : 0) <= parse.GetValue(isolatedDegree)).ToArray();
            bool[] support;
            if (parse.GetValue(supporterColumn) is { } sc)
            {
                support = DynamicsCli.Flags(table!, sc, tablePath!);
            }
            else if (parse.GetValue(supporters) is { Length: > 0 } ids)
            {
                support = new bool[n];
                foreach (var v in DynamicsCli.Nodes(graph, ids, "--supporters"))
                {
                    support[v] = true;
                }
            }
            else
            {
                support = [.. isolated.Select(i => !i)];
            }
            progress.Step($"choosing {parse.GetValue(k)} introductions for {isolated.Count(i => i):N0} isolated people");
            var plan = Introductions.Choose(graph, isolated, support, parse.GetValue(k), parse.GetValue(capacity));
            progress.Step($"reached within two steps of support: {plan.ReachedBefore:N0} before, {plan.ReachedAfter:N0} after");
            Write(graph, plan, parse.GetValue(format) == "json", parse.GetValue(output));
            return GraphCli.Ok;
        }));
        return command;
    }

    private static void Write(Connective.Graph.CsrGraph graph, IntroductionPlan plan, bool json, string? output)
    {
        if (json)
        {
            GraphCli.WriteJson(output, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("isolated", plan.IsolatedCount);
                w.WriteNumber("reached_before", plan.ReachedBefore);
                w.WriteNumber("reached_after", plan.ReachedAfter);
                w.WriteStartArray("introductions");
                for (var i = 0; i < plan.Introductions.Length; i++)
                {
                    var intro = plan.Introductions[i];
                    w.WriteStartObject();
                    w.WriteNumber("rank", i + 1);
                    w.WritePropertyName("person");
                    GraphCli.WriteNodeId(w, graph, intro.Person);
                    w.WritePropertyName("supporter");
                    GraphCli.WriteNodeId(w, graph, intro.Supporter);
                    w.WriteNumber("gain", intro.Gain);
                    w.WriteStartArray("newly_reached");
                    foreach (var v in intro.NewlyReached)
                    {
                        GraphCli.WriteNodeId(w, graph, v);
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        using var writer = GraphCli.OpenOutput(output);
        writer.WriteLine("rank,person,supporter,gain,newly_reached");
        for (var i = 0; i < plan.Introductions.Length; i++)
        {
            var intro = plan.Introductions[i];
            writer.WriteLine($"{i + 1},{GraphCli.Csv(graph.Labels[intro.Person])},{GraphCli.Csv(graph.Labels[intro.Supporter])},{intro.Gain},{GraphCli.Csv(string.Join(' ', intro.NewlyReached.Select(v => graph.Labels[v])))}");
        }
    }
}
