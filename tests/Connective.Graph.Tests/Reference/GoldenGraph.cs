using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Connective.Graph.Formats;
using Connective.Graph.Generators;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Reference;

/// <summary>
/// One graph's golden values, written by bench/peers/make_golden.py from the reference tools (igraph, NetworkX):
/// a JSON file of scalars and lists, and a gzipped CSV of per-node values keyed by external node id.
/// </summary>
internal sealed class GoldenGraph
{
    private readonly Dictionary<string, double?[]> _columns;

    private GoldenGraph(string name, JsonElement root, long[] nodeIds, Dictionary<string, double?[]> columns)
    {
        Name = name;
        Root = root;
        NodeIds = nodeIds;
        _columns = columns;
    }

    public static string Folder => Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "Connective.Graph.Tests", "Golden");

    public string Name { get; }

    /// <summary>The JSON document's root (scalars, component sizes, bridges, Leiden runs, tool versions).</summary>
    public JsonElement Root { get; }

    /// <summary>External ids of the nodes that have per-node values (every node, or the sample of a large graph).</summary>
    public long[] NodeIds { get; }

    public bool IsDirected => Root.GetProperty("directed").GetBoolean();

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>A per-node column in the order of <see cref="NodeIds"/>; null where the reference leaves it undefined.</summary>
    public double?[] Column(string column) =>
        _columns.TryGetValue(column, out var values)
            ? values
            : throw new KeyNotFoundException($"Golden file for {Name} has no per-node column '{column}'.");

    public long Long(string property) => Root.GetProperty(property).GetInt64();

    public double Double(string property) => Root.GetProperty(property).GetDouble();

    public long[] LongArray(string property) => Root.GetProperty(property).EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>The edge list in ../shared/data/networks this golden file was computed from.</summary>
    public string SharedNetworkPath()
    {
        var source = Root.GetProperty("source").GetString()!;
        const string Prefix = "../shared/data/networks/";
        Assert.StartsWith(Prefix, source);
        return RepositoryPaths.SharedFile("networks", source[Prefix.Length..]);
    }

    /// <summary>
    /// The graph as every peer saw it: a shared network read by the engine's reader with repeated edges merged and
    /// self-loops dropped (the simple view that keeps direction), or a generated graph built in process by the same
    /// generator and parameters that `connective graph generate` used to write the file the reference tools read.
    /// </summary>
    public CsrGraph LoadSimple()
    {
        var source = Root.GetProperty("source").GetString()!;
        return source.StartsWith(GeneratedPrefix, StringComparison.Ordinal)
            ? Generate(source[GeneratedPrefix.Length..])
            : GraphFile.Read(SharedNetworkPath(), new GraphReadOptions { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop });
    }

    internal const string GeneratedPrefix = "connective graph generate ";

    /// <summary>Rebuilds a generated graph from the recorded command line, e.g. "community --nodes 10000 --seed 42".</summary>
    private static CsrGraph Generate(string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int Option(string name) => int.Parse(words[Array.IndexOf(words, name) + 1], CultureInfo.InvariantCulture);
        var nodes = Option("--nodes");
        var seed = (ulong)Option("--seed");
        switch (words[0])
        {
            case "barabasi-albert":
                return BarabasiAlbert.Generate(nodes, Option("--m"), seed);
            case "community":
                // As GenerateCommand does: every person a node (ids 0..n-1), every tie an edge.
                var community = CommunityGenerator.Generate(nodes, seed);
                var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
                builder.DeclareNodes(community.PersonCount);
                builder.EnsureCapacity(community.TieCount);
                for (var i = 0; i < community.TieCount; i++)
                {
                    builder.AddEdge(community.TieU[i], community.TieV[i]);
                }
                return builder.Build();
            default:
                throw new InvalidOperationException($"Golden file names an unknown generator: {commandLine}");
        }
    }

    public static GoldenGraph Load(string name)
    {
        var jsonPath = Path.Combine(Folder, name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = document.RootElement.Clone();
        var nodesFile = root.GetProperty("per_node_file").GetString()!;
        using var stream = new GZipStream(File.OpenRead(Path.Combine(Folder, nodesFile)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var ids = new List<long>();
        var values = header.Skip(1).Select(_ => new List<double?>()).ToArray();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = line.Split(',');
            ids.Add(long.Parse(fields[0], CultureInfo.InvariantCulture));
            for (var c = 1; c < header.Length; c++)
            {
                values[c - 1].Add(fields[c].Length == 0 ? null : double.Parse(fields[c], CultureInfo.InvariantCulture));
            }
        }
        var columns = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        for (var c = 1; c < header.Length; c++)
        {
            columns[header[c]] = values[c - 1].ToArray();
        }
        return new GoldenGraph(name, root, ids.ToArray(), columns);
    }

    /// <summary>
    /// Above this many nodes, the all-pairs kernels (betweenness, closeness, harmonic, reach from every node) run only
    /// in the Large category: on the real graphs of 8k–23k nodes they take minutes on a busy 2-core machine.
    /// </summary>
    public const int AllPairsNodeLimit = 5000;

    /// <summary>
    /// Graphs with full per-node golden values: every network in ../shared/data/networks and the generated 10k-node
    /// graphs (the 1M-node graphs have aggregates only and their own tests).
    /// </summary>
    public static TheoryData<string> FullGraphs() => Names(_ => true);

    /// <summary>Full-golden graphs of at most <see cref="AllPairsNodeLimit"/> nodes.</summary>
    public static TheoryData<string> SmallGraphs() => Names(nodes => nodes <= AllPairsNodeLimit);

    /// <summary>Full-golden graphs above <see cref="AllPairsNodeLimit"/> nodes.</summary>
    public static TheoryData<string> LargeGraphs() => Names(nodes => nodes > AllPairsNodeLimit);

    /// <summary>Full-golden graphs read from a directed shared network (the `# nodes … directed True` header).</summary>
    public static TheoryData<string> DirectedGraphs() => Names(_ => true, directedOnly: true);

    private static TheoryData<string> Names(Func<long, bool> nodeFilter, bool directedOnly = false)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var aggregatesOnly = document.RootElement.TryGetProperty("hashes", out _);
            if (!aggregatesOnly && nodeFilter(document.RootElement.GetProperty("nodes").GetInt64())
                && (!directedOnly || document.RootElement.GetProperty("directed").GetBoolean()))
            {
                data.Add(name);
            }
        }
        return data;
    }
}
