using System.CommandLine;
using Connective.Graph.Formats;

namespace Connective.Cli.Graph;

/// <summary>`connective graph convert IN OUT`: reads a graph in one format and writes it in another.</summary>
internal static class ConvertCommand
{
    private static readonly string Formats = "edgelist, csv, graphml, gexf, gml, pajek";

    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "The graph file to read (gzip-compressed input is detected); - reads standard input." };
        var output = new Argument<string>("OUT")
        {
            Description = "The file to write (compressed when it ends in .gz; csv also writes NAME.nodes.csv); - writes standard output "
                + "(csv: the edge table only). Symlinks, devices and FIFOs are written through; a regular file is replaced atomically.",
        };
        var from = new Option<string?>("--from") { Description = $"Format of IN when its extension does not say: {Formats}." };
        var to = new Option<string?>("--to") { Description = $"Format of OUT when its extension does not say: {Formats}." };
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command("convert", "Convert a graph between edge list, CSV tables, GraphML, GEXF, GML and Pajek. Exit codes: 0 done, 1 bad input or output.")
        {
            input, output, from, to, directed, undirected, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() => Run(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(directed), parse.GetValue(undirected), parse.GetValue(quiet))));
        return command;
    }

    private static int Run(string inputPath, string outputPath, string? fromName, string? toName, bool directed, bool undirected, bool quiet)
    {
        if (directed && undirected)
        {
            return GraphCli.Fail("--directed and --undirected contradict each other.");
        }
        if (!TryFormat(fromName, inputPath, "IN", "--from", out var fromFormat, out var fromError))
        {
            return GraphCli.Fail(fromError);
        }
        if (!TryFormat(toName, outputPath, "OUT", "--to", out var toFormat, out var toError))
        {
            return GraphCli.Fail(toError);
        }
        var graph = GraphCli.Load(inputPath, fromName ?? fromFormat.ToString(), directed, undirected, new Progress(quiet));
        if (GraphCli.IsStandardOutput(outputPath))
        {
            using var stdout = Console.OpenStandardOutput();
            GraphFile.Write(graph, stdout, toFormat);
        }
        else
        {
            GraphFile.Write(graph, outputPath, toFormat);
        }
        if (!quiet)
        {
            // A status line, not data: stderr, so `convert IN - | next-tool` sees only the graph.
            Console.Error.WriteLine($"wrote {(GraphCli.IsStandardOutput(outputPath) ? "standard output" : outputPath)} ({toFormat}): {graph.NodeCount} nodes, {graph.EdgeCount} edges, {(graph.IsDirected ? "directed" : "undirected")}{(graph.IsWeighted ? ", weighted" : "")}.");
        }
        return GraphCli.Ok;
    }

    private static bool TryFormat(string? name, string path, string which, string option, out GraphFormat format, out string error)
    {
        error = string.Empty;
        if (name is not null)
        {
            if (GraphFile.TryParseFormatName(name, out format))
            {
                return true;
            }
            error = $"unknown format '{name}' for {option}; use one of {Formats}.";
            return false;
        }
        if (GraphFile.FormatOf(path) is { } fromExtension)
        {
            format = fromExtension;
            return true;
        }
        format = default;
        error = path == GraphCli.StandardStream
            ? $"{(which == "IN" ? "standard input" : "standard output")} needs {option} ({Formats})."
            : $"cannot tell the format of {which} ({path}) from its extension; pass {option} ({Formats}).";
        return false;
    }
}
