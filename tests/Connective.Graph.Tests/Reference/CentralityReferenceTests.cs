using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Reference;

/// <summary>Betweenness, closeness and harmonic centrality against igraph and NetworkX (issue 3 §6).</summary>
public sealed class CentralityReferenceTests
{
    [Theory]
    [MemberData(nameof(GoldenGraph.SmallGraphs), MemberType = typeof(GoldenGraph))]
    public void Exact_betweenness_matches_igraph(string name) => CheckBetweenness(name);

    [Theory]
    [MemberData(nameof(GoldenGraph.SmallGraphs), MemberType = typeof(GoldenGraph))]
    public void Closeness_matches_networkx_wf_improved(string name) => CheckCloseness(name);

    [Theory]
    [MemberData(nameof(GoldenGraph.SmallGraphs), MemberType = typeof(GoldenGraph))]
    public void Harmonic_centrality_matches_networkx(string name) => CheckHarmonic(name);

    internal static void CheckBetweenness(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var betweenness = Betweenness.Exact(graph);

        ReferenceAssert.Floats(golden, graph, "betweenness", node => betweenness[node]);
    }

    internal static void CheckCloseness(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var closeness = Closeness.Compute(graph);

        ReferenceAssert.Floats(golden, graph, "closeness", node => closeness[node]);
    }

    internal static void CheckHarmonic(string name)
    {
        var golden = GoldenGraph.Load(name);
        var graph = golden.LoadSimple();

        var harmonic = Closeness.Harmonic(graph);

        ReferenceAssert.Floats(golden, graph, "harmonic", node => harmonic[node]);
    }
}
