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

    /// <summary>The path that means standard input (as an input) or standard output (as an output).</summary>
    public const string StandardStream = "-";

    private const string FormatNames = "edgelist, csv, graphml, gexf, gml, pajek";

    public static Argument<string> FileArgument() =>
        new("FILE") { Description = "The graph file: edge list, CSV tables, GraphML, GEXF, GML or Pajek (by extension; gzip is detected); - reads standard input (name the format with --from)." };

    public static Option<string?> FromOption() =>
        new("--from") { Description = $"Format of FILE when its extension does not say, and always for standard input: {FormatNames}." };

    public static Option<bool> DirectedOption() => new("--directed") { Description = "Read edges as arcs, whatever the file says." };

    public static Option<bool> UndirectedOption() => new("--undirected") { Description = "Read edges as undirected, whatever the file says." };

    public static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "Report nothing on stderr but errors." };

    public static Option<bool> ProgressOption() =>
        new("--progress") { Description = "Report progress on stderr even when it is not a terminal (it is silent there by default)." };

    public static Option<string?> OutputOption() => new("--output", "-o") { Description = "Write results to this file (- or absent: standard output)." };

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
    /// Runs a command body, turning bad input (and a graph too large for memory) into a one-line message on stderr and
    /// exit code 1. Anything else is a bug and is left to crash loudly.
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
        catch (OutOfMemoryException)
        {
            // The readers refuse a declared size the process cannot hold before allocating for it, but a graph whose
            // edges alone outgrow memory is only found out while loading: still a message, never a stack trace.
            return Fail($"the graph does not fit in the memory this process can use ({GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB)");
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return BadInput;
    }

    /// <summary>The format --from or --to names, or null when absent.</summary>
    /// <exception cref="ArgumentException">The name is not a known format.</exception>
    public static GraphFormat? ParseFormat(string? name, string option)
    {
        if (name is null)
        {
            return null;
        }
        return GraphFile.TryParseFormatName(name, out var format)
            ? format
            : throw new ArgumentException($"unknown format '{name}' for {option}; use one of {FormatNames}.");
    }

    /// <summary>Reads the graph from a file, its format named by the extension (commands without --from).</summary>
    public static CsrGraph Load(string path, bool directed, bool undirected, Progress progress, bool simple = false) =>
        Load(path, from: null, directed, undirected, progress, simple);

    /// <summary>Reads the graph from a file or, for <c>-</c>, standard input, honouring --from and --directed/--undirected.</summary>
    /// <exception cref="ArgumentException">When both direction flags are given, or standard input has no --from.</exception>
    public static CsrGraph Load(string path, string? from, bool directed, bool undirected, Progress progress, bool simple = false)
    {
        if (directed && undirected)
        {
            throw new ArgumentException("--directed and --undirected contradict each other.");
        }
        var format = ParseFormat(from, "--from");
        var options = new GraphReadOptions { Format = format, Directed = directed ? true : undirected ? false : null };
        if (simple)
        {
            options = options with { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        }
        CsrGraph graph;
        if (path == StandardStream)
        {
            if (format is null)
            {
                throw new ArgumentException($"reading standard input needs --from ({FormatNames}).");
            }
            progress.Step("reading standard input");
            using var stdin = Console.OpenStandardInput();
            graph = GraphFile.Read(stdin, format.Value, options, "standard input");
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"file not found: {path}");
            }
            progress.Step($"reading {path}");
            graph = GraphFile.Read(path, options);
        }
        progress.Step($"read {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges ({(graph.IsDirected ? "directed" : "undirected")})");
        return graph;
    }

    /// <summary>True when <paramref name="path"/> means standard output.</summary>
    public static bool IsStandardOutput(string? path) => path is null or StandardStream;

    /// <summary>
    /// Opens the result destination: the file given (written through, so a symlink, a device or a FIFO receives the
    /// data), or stdout for <c>-</c> or no path.
    /// </summary>
    public static TextWriter OpenOutput(string? path)
    {
        if (IsStandardOutput(path))
        {
            return new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        }
        return new StreamWriter(OpenWriteThrough(path!), new UTF8Encoding(false), 1 << 16);
    }

    /// <summary>
    /// Opens a file for writing without replacing it: a regular file is emptied first, a device or FIFO (never
    /// seekable, or empty like /dev/null) is written as it is, and a symlink is followed.
    /// </summary>
    private static FileStream OpenWriteThrough(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
        if (stream.CanSeek && stream.Length > 0)
        {
            stream.SetLength(0);
        }
        return stream;
    }

    public static Utf8JsonWriter JsonWriter(Stream stream) => new(stream, new JsonWriterOptions { Indented = true });

    /// <summary>Writes a JSON document to stdout or the output file.</summary>
    public static void WriteJson(string? outputPath, Action<Utf8JsonWriter> write)
    {
        using var stream = IsStandardOutput(outputPath) ? Console.OpenStandardOutput() : OpenWriteThrough(outputPath!);
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

/// <summary>
/// Progress lines on stderr with the elapsed time, so long runs show where they are without mixing into results.
/// Silent when stderr is not a terminal (a log or a pipe) unless --progress asks, and always with --quiet.
/// </summary>
internal sealed class Progress(bool quiet, bool forced = false)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = !quiet && (forced || !Console.IsErrorRedirected);

    public void Step(string message)
    {
        if (_enabled)
        {
            Console.Error.WriteLine($"[{_clock.Elapsed.TotalSeconds,7:F2}s] {message}");
        }
    }
}
