using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Connective.Graph;
using Connective.Graph.Algorithms;
using Connective.Graph.Formats;

namespace Connective.Cli.Graph;

/// <summary>
/// `connective graph bench FILE`: loads a graph once and times each kernel several times in the same process, so that
/// bench/peers/compare can set warm in-process medians beside igraph, graph-tool and NetworkX.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The kernels, by the names bench/peers/compare uses for every tool.</summary>
    private static readonly string[] KernelNames = ["load", "components", "kcore", "pagerank", "clustering", "reach3", "betweenness", "leiden", "louvain"];

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The graph file (any format the reader knows; gzip is detected)." };
        var kernels = new Option<string>("--kernels")
        {
            Description = "Comma-separated kernels to time: " + string.Join(", ", KernelNames) + ".",
            DefaultValueFactory = _ => string.Join(",", KernelNames),
        };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs of each kernel (the median is reported).", DefaultValueFactory = _ => 5 };
        var sources = new Option<string?>("--sources")
        {
            Description = "reach3: a file of external node ids, one a line, to search from (bench/peers/compare writes it so every tool uses the same nodes).",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed for Leiden and Louvain.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "Output: text or json.", DefaultValueFactory = _ => "text" };
        var command = new Command(
            "bench",
            "Time the engine's kernels on one graph in one process: the file is loaded once, the undirected simple view is built once (untimed), then each kernel runs --repeat times and the median is printed (a first run shorter than 1 s is an uncounted warm-up). PageRank: damping 0.85, L1 residual below 1e-10; reach3: exact, from the --sources nodes. Exit codes: 0 done, 1 bad input.")
        {
            file, kernels, repeat, sources, seed, format,
        };
        command.SetAction(parse => Run(new BenchSettings(
            parse.GetValue(file)!, parse.GetValue(kernels)!, parse.GetValue(repeat), parse.GetValue(sources), parse.GetValue(seed), parse.GetValue(format)!)));
        return command;
    }

    private sealed record BenchSettings(string File, string Kernels, int Repeat, string? SourcesFile, ulong Seed, string Format);

    /// <summary>One kernel's timings: every run in seconds, and the median.</summary>
    private sealed record KernelTiming(string Kernel, double[] Seconds, double Median, string Result);

    private static int Run(BenchSettings settings)
    {
        var requested = settings.Kernels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = requested.Where(k => !KernelNames.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            return Fail($"Unknown kernel(s) {string.Join(", ", unknown)}; use {string.Join(", ", KernelNames)}.");
        }
        if (settings.Repeat < 1)
        {
            return Fail("--repeat must be at least 1.");
        }
        if (settings.Format is not ("text" or "json"))
        {
            return Fail("--format must be text or json.");
        }
        try
        {
            var timings = new List<KernelTiming>();
            // Loading is timed like every other kernel: each run reads the whole text file into a fresh graph.
            CsrGraph graph = null!;
            var loadRuns = requested.Contains("load") ? settings.Repeat : 1;
            var load = Time("load", loadRuns, () =>
            {
                graph = GraphFile.Read(settings.File);
                return $"{graph.NodeCount} nodes, {graph.EdgeCount} edges";
            });
            if (requested.Contains("load"))
            {
                timings.Add(load);
            }
            // The simple view is what every peer runs the kernels on (issue 3 §6); built once, outside the timings.
            var simple = GraphViews.Simple(graph);
            int[] sourceNodes = [];
            if (requested.Contains("reach3"))
            {
                if (settings.SourcesFile is null)
                {
                    return Fail("reach3 needs --sources FILE (external node ids, one a line).");
                }
                sourceNodes = ReadSources(settings.SourcesFile, simple);
            }
            foreach (var kernel in requested.Where(k => k != "load"))
            {
                timings.Add(kernel switch
                {
                    "components" => Time(kernel, settings.Repeat, () => $"{ConnectedComponents.Weak(simple).Count} components"),
                    "kcore" => Time(kernel, settings.Repeat, () => $"max core {KCoreDecomposition.CoreNumbers(simple).Max()}"),
                    "pagerank" => Time(kernel, settings.Repeat, () => Describe(PageRank.Compute(simple, new PageRankOptions(Damping: 0.85, Tolerance: 1e-10)))),
                    "clustering" => Time(kernel, settings.Repeat, () => Describe(Clustering.CountTriangles(simple).LocalClustering())),
                    "reach3" => Time(kernel, settings.Repeat, () => Reach.Within(simple, sourceNodes, 3).Sum().ToString(CultureInfo.InvariantCulture)),
                    "betweenness" => Time(kernel, settings.Repeat, () => Betweenness.Exact(simple).Max().ToString("R", CultureInfo.InvariantCulture)),
                    "leiden" => Time(kernel, settings.Repeat, () => Describe(CommunityDetection.Leiden(simple, new CommunityOptions { Seed = settings.Seed }))),
                    "louvain" => Time(kernel, settings.Repeat, () => Describe(CommunityDetection.Louvain(simple, new CommunityOptions { Seed = settings.Seed }))),
                    _ => throw new InvalidOperationException("unreachable: kernel names are checked above"),
                });
            }
            Report(settings, graph, timings);
            return 0;
        }
        catch (GraphFormatException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>
    /// Times <paramref name="runs"/> runs. A first run shorter than <see cref="WarmUpLimit"/> seconds is a warm-up and
    /// not counted (it pays for JIT compilation and first-touch page faults, which would dominate a millisecond kernel);
    /// a longer one is counted. bench/peers/peer_worker.py applies the same rule to every peer.
    /// </summary>
    private static KernelTiming Time(string kernel, int runs, Func<string> action)
    {
        var seconds = new double[runs];
        CollectIfMuchAllocated();
        var clock = Stopwatch.StartNew();
        var result = action();
        var first = clock.Elapsed.TotalSeconds;
        var start = 0;
        if (first >= WarmUpLimit)
        {
            seconds[0] = first;
            start = 1;
        }
        for (var i = start; i < runs; i++)
        {
            CollectIfMuchAllocated();
            clock.Restart();
            result = action();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        var sorted = seconds.Order().ToArray();
        var median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[(runs / 2) - 1] + sorted[runs / 2]) / 2;
        return new KernelTiming(kernel, seconds, median, result);
    }

    /// <summary>Allocation since the last collection from which the next run is preceded by one.</summary>
    private const long CollectFromBytes = 8L << 20;

    private static long _allocatedAtLastCollection;

    /// <summary>
    /// A full, compacting collection before a run (outside the timing) once the runs since the last one allocated at
    /// least 8 MiB, so large results and scratch are freed between runs, as the Python peers' reference counting frees
    /// them at once: without it the collector may let several runs' large arrays pile up, and the peak memory reported
    /// for a kernel would grow with --repeat. Smaller amounts cannot move the peak, and a collection before every run
    /// would cost a microsecond kernel its warm processor caches (compaction moves the graph), which the peers keep
    /// between runs: hep-th components measured 0.25 ms with one before every run, against graph-tool's 0.24 ms.
    /// </summary>
    private static void CollectIfMuchAllocated()
    {
        if (GC.GetTotalAllocatedBytes() - _allocatedAtLastCollection < CollectFromBytes)
        {
            return;
        }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();
    }

    /// <summary>Seconds below which a kernel's first run is an uncounted warm-up.</summary>
    private const double WarmUpLimit = 1.0;

    private static string Describe(PageRankResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Iterations} iterations, residual {result.Residual:E2}, max {result.Scores.Max():R}");

    private static string Describe(double[] localClustering) =>
        string.Create(CultureInfo.InvariantCulture, $"sum of local clustering {localClustering.Sum():R}");

    private static string Describe(CommunityResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.CommunityCount} communities, modularity {result.Modularity:F6}");

    private static int[] ReadSources(string path, CsrGraph graph)
    {
        var nodes = new List<int>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }
            var found = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? graph.Labels.TryGetNode(id, out var node)
                : graph.Labels.TryGetNode(text, out node);
            if (!found)
            {
                throw new FormatException($"{path}, line {lineNumber}: node '{text}' is not in the graph.");
            }
            nodes.Add(node);
        }
        return [.. nodes];
    }

    private static void Report(BenchSettings settings, CsrGraph graph, List<KernelTiming> timings)
    {
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        if (settings.Format == "json")
        {
            var document = new Dictionary<string, object>
            {
                ["file"] = settings.File,
                ["nodes"] = graph.NodeCount,
                ["edges"] = graph.EdgeCount,
                ["threads"] = Environment.ProcessorCount,
                ["peak_working_set_bytes"] = peak,
                ["kernels"] = timings.ToDictionary(
                    t => t.Kernel,
                    t => (object)new Dictionary<string, object> { ["seconds"] = t.Seconds, ["median_seconds"] = t.Median, ["result"] = t.Result }),
            };
            Console.WriteLine(JsonSerializer.Serialize(document));
            return;
        }
        Console.WriteLine($"{settings.File}: {graph.NodeCount} nodes, {graph.EdgeCount} edges, {Environment.ProcessorCount} threads");
        foreach (var t in timings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Kernel,-12} median {t.Median,9:F4} s over {t.Seconds.Length} runs   {t.Result}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {peak / (1024.0 * 1024.0):F0} MiB"));
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}
