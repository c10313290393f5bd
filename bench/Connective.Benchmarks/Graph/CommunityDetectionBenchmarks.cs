using BenchmarkDotNet.Attributes;
using Connective.Graph;
using Connective.Graph.Algorithms;
using Connective.Graph.Generators;

namespace Connective.Benchmarks.Graph;

/// <summary>
/// Leiden and Louvain on the demo borough's community model and on a Barabási–Albert graph of the same size (strong
/// and weak community structure). 100,000 nodes keeps a BenchmarkDotNet run to minutes on a shared machine while the
/// first levels still exceed the cache; the side-by-side comparison with igraph at 1M nodes is bench/peers/compare.
/// Run: <c>dotnet run -c Release --project bench/Connective.Benchmarks -- --filter '*CommunityDetection*'</c>.
/// </summary>
[MemoryDiagnoser]
public class CommunityDetectionBenchmarks
{
    private CsrGraph _community = null!;
    private CsrGraph _barabasiAlbert = null!;

    [Params(100_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var model = CommunityGenerator.Generate(Nodes, seed: 42);
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        builder.DeclareNodes(model.PersonCount);
        builder.EnsureCapacity(model.TieCount);
        for (var i = 0; i < model.TieCount; i++)
        {
            builder.AddEdge(model.TieU[i], model.TieV[i]);
        }
        _community = builder.Build();
        _barabasiAlbert = BarabasiAlbert.Generate(Nodes, 10, seed: 42);
    }

    [Benchmark]
    public double LeidenCommunityModel() => CommunityDetection.Leiden(_community, new CommunityOptions { Seed = 1 }).Modularity;

    [Benchmark]
    public double LeidenBarabasiAlbert() => CommunityDetection.Leiden(_barabasiAlbert, new CommunityOptions { Seed = 1 }).Modularity;

    [Benchmark]
    public double LouvainCommunityModel() => CommunityDetection.Louvain(_community, new CommunityOptions { Seed = 1 }).Modularity;
}
