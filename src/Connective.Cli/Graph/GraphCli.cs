using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Connective.Graph;
using Connective.Graph.Formats;

namespace Connective.Cli.Graph;

/// <summary>What the `connective graph` commands share: the input file, direction flags, output choice, errors and progress.</summary>
internal static class GraphCli
{
    public const int Ok = 0;
    public const int BadInput = 1;

    public static Argument<string> FileArgument() =>
        new("FILE") { Description = "The graph file: edge list, CSV tables, GraphML, GEXF, GML or Pajek (by extension; gzip is detected)." };

    public static Option<bool> DirectedOption() => new("--directed") { Description = "Read edges as arcs, whatever the file says." };

    public static Option<bool> UndirectedOption() => new("--undirected") { Description = "Read edges as undirected, whatever the file says." };

    public static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "Do not report progress on stderr." };

    public static Option<string?> OutputOption() => new("--output", "-o") { Description = "Write results to this file instead of stdout." };

    public static Option<string> FormatOption(string description, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"{description} ({string.Join(", ", formats)}; default {formats[0]}).",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<ulong> SeedOption() => new("--seed") { Description = "Seed for randomised steps (results are reproducible for a seed).", DefaultValueFactory = _ => 1UL };

    /// <summary>
    /// Runs a command body, turning bad input into a one-line message on stderr and exit code 1. Anything else
    /// is a bug and is left to crash loudly.
    /// </summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (GraphFormatException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(e.Message);
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return BadInput;
    }

    /// <summary>Reads the graph, honouring --directed/--undirected.</summary>
    /// <exception cref="ArgumentException">When both direction flags are given.</exception>
    public static CsrGraph Load(string path, bool directed, bool undirected, Progress progress, bool simple = false)
    {
        if (directed && undirected)
        {
            throw new ArgumentException("--directed and --undirected contradict each other.");
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"File not found: {path}");
        }
        progress.Step($"reading {path}");
        var options = new GraphReadOptions { Directed = directed ? true : undirected ? false : null };
        if (simple)
        {
            options = options with { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        }
        var graph = GraphFile.Read(path, options);
        progress.Step($"read {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges ({(graph.IsDirected ? "directed" : "undirected")})");
        return graph;
    }

    /// <summary>Opens the result destination: the file given, or stdout.</summary>
    public static TextWriter OpenOutput(string? path)
    {
        if (path is null)
        {
            return new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        }
        return new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    }

    public static Utf8JsonWriter JsonWriter(Stream stream) => new(stream, new JsonWriterOptions { Indented = true });

    /// <summary>Writes a JSON document to stdout or the output file.</summary>
    public static void WriteJson(string? outputPath, Action<Utf8JsonWriter> write)
    {
        using var stream = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath);
        using (var json = JsonWriter(stream))
        {
            write(json);
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>A CSV field, quoted when it holds a delimiter, quote or line break (RFC 4180).</summary>
    public static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number property; NaN and infinities (JSON has neither) become null.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A node's external id as JSON: a number for integer labels, a string otherwise.</summary>
    public static void WriteNodeId(Utf8JsonWriter json, CsrGraph graph, int node)
    {
        if (graph.Labels.IsInteger)
        {
            json.WriteNumberValue(graph.Labels.IntegerId(node));
        }
        else
        {
            json.WriteStringValue(graph.Labels[node]);
        }
    }
}

/// <summary>Progress lines on stderr with the elapsed time, so long runs show where they are without mixing into results.</summary>
internal sealed class Progress(bool quiet)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Step(string message)
    {
        if (!quiet)
        {
            Console.Error.WriteLine($"[{_clock.Elapsed.TotalSeconds,7:F2}s] {message}");
        }
    }
}
