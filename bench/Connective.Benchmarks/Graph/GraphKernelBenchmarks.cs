using BenchmarkDotNet.Attributes;
using Connective.Graph;
using Connective.Graph.Algorithms;
using Connective.Graph.Generators;
using Connective.Graph.Traversal;

namespace Connective.Benchmarks.Graph;

/// <summary>
/// graph-core's kernels on a seeded Barabási–Albert graph. Sizes are small enough for a BenchmarkDotNet run to finish
/// in minutes on a shared machine; the side-by-side comparison with igraph and graph-tool at 1M nodes is bench/peers.
/// Run: <c>dotnet run -c Release --project bench/Connective.Benchmarks -- --filter '*GraphKernel*'</c>.
/// </summary>
[MemoryDiagnoser]
public class GraphKernelBenchmarks
{
    private CsrGraph _graph = null!;
    private int[] _sources = [];
    private BoundedBfs _bfs = null!;

    [Params(100_000)]
    public int Nodes { get; set; }

    [Params(5)]
    public int EdgesPerNode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = BarabasiAlbert.Generate(Nodes, EdgesPerNode, seed: 1);
        _sources = Enumerable.Range(0, 100).Select(i => (int)((long)i * 7919 % Nodes)).ToArray();
        _bfs = new BoundedBfs(_graph);
    }

    [Benchmark]
    public CsrGraph Build()
    {
        var builder = new GraphBuilder();
        builder.EnsureCapacity((int)_graph.EdgeCount);
        for (var u = 0; u < _graph.NodeCount; u++)
        {
            foreach (var v in _graph.Neighbors(u))
            {
                if (v > u)
                {
                    builder.AddEdge(u, v);
                }
            }
        }
        return builder.Build();
    }

    [Benchmark]
    public int WeakComponents() => ConnectedComponents.Weak(_graph).Count;

    [Benchmark]
    public int[] CoreNumbers() => KCoreDecomposition.CoreNumbers(_graph);

    [Benchmark]
    public long Triangles() => Clustering.CountTriangles(_graph).TotalTriangles;

    [Benchmark]
    public double[] PageRankScores() => PageRank.Compute(_graph).Scores;

    [Benchmark]
    public double[] Eigenvector() => EigenvectorCentrality.Compute(_graph).Scores;

    [Benchmark]
    public int[] ReachWithinTwo() => Reach.WithinTwo(_graph);

    [Benchmark]
    public long[] ExactReachWithinThreeFrom100() => Reach.Within(_graph, _sources, 3);

    [Benchmark]
    public double[] HyperAnfReachWithinThree() => HyperAnf.ReachWithin(_graph, 3);

    [Benchmark]
    public int BoundedBfsDepthTwo()
    {
        var total = 0;
        foreach (var s in _sources)
        {
            total += _bfs.Run(s, 2).Count;
        }
        return total;
    }

    [Benchmark]
    public CsrGraph SubgraphHalfTheNodes()
    {
        var mask = new bool[_graph.NodeCount];
        for (var u = 0; u < mask.Length; u += 2)
        {
            mask[u] = true;
        }
        return GraphViews.Subgraph(_graph, mask, (u, v) => ((u ^ v) & 4) == 0);
    }
}
