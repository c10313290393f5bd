using System.CommandLine;
using Connective.Graph.Formats;

namespace Connective.Cli.Graph;

/// <summary>`connective graph convert IN OUT`: reads a graph in one format and writes it in another.</summary>
internal static class ConvertCommand
{
    private static readonly string Formats = "edgelist, csv, graphml, gexf, gml, pajek";

    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "The graph file to read (gzip-compressed input is detected)." };
        var output = new Argument<string>("OUT") { Description = "The file to write (compressed when it ends in .gz; csv also writes NAME.nodes.csv)." };
        var from = new Option<string?>("--from") { Description = $"Format of IN when its extension does not say: {Formats}." };
        var to = new Option<string?>("--to") { Description = $"Format of OUT when its extension does not say: {Formats}." };
        var directed = new Option<bool>("--directed") { Description = "Read edges as arcs, whatever the file says." };
        var undirected = new Option<bool>("--undirected") { Description = "Read edges as undirected, whatever the file says." };
        var command = new Command("convert", "Convert a graph between edge list, CSV tables, GraphML, GEXF, GML and Pajek. Exit codes: 0 done, 1 bad input or output.")
        {
            input, output, from, to, directed, undirected,
        };
        command.SetAction(parse => Run(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(directed), parse.GetValue(undirected)));
        return command;
    }

    private static int Run(string inputPath, string outputPath, string? fromName, string? toName, bool directed, bool undirected)
    {
        if (directed && undirected)
        {
            return Fail("--directed and --undirected contradict each other.");
        }
        if (!TryFormat(fromName, inputPath, "IN", "--from", out var fromFormat, out var fromError))
        {
            return Fail(fromError);
        }
        if (!TryFormat(toName, outputPath, "OUT", "--to", out var toFormat, out var toError))
        {
            return Fail(toError);
        }
        try
        {
            var options = new GraphReadOptions { Format = fromFormat, Directed = directed ? true : undirected ? false : null };
            var graph = GraphFile.Read(inputPath, options);
            GraphFile.Write(graph, outputPath, toFormat);
            Console.WriteLine($"Wrote {outputPath} ({toFormat}): {graph.NodeCount} nodes, {graph.EdgeCount} edges, {(graph.IsDirected ? "directed" : "undirected")}{(graph.IsWeighted ? ", weighted" : "")}.");
            return 0;
        }
        catch (GraphFormatException e)
        {
            return Fail(e.Message);
        }
        catch (NotSupportedException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
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
            error = $"Unknown format '{name}' for {option}; use one of {Formats}.";
            return false;
        }
        if (GraphFile.FormatOf(path) is { } fromExtension)
        {
            format = fromExtension;
            return true;
        }
        format = default;
        error = $"Cannot tell the format of {which} ({path}) from its extension; pass {option} ({Formats}).";
        return false;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}
