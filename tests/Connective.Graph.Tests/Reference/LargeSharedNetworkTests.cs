namespace Connective.Graph.Tests.Reference;

/// <summary>
/// The all-pairs kernels on the real graphs above <see cref="GoldenGraph.AllPairsNodeLimit"/> nodes (as-22july06,
/// cond-mat, hep-th). Category Large: minutes, not seconds; run with <c>--filter Category=Large</c>.
/// </summary>
[Trait("Category", "Large")]
public sealed class LargeSharedNetworkTests
{
    [Theory]
    [MemberData(nameof(GoldenGraph.LargeGraphs), MemberType = typeof(GoldenGraph))]
    public void Exact_betweenness_matches_igraph(string name) => CentralityReferenceTests.CheckBetweenness(name);

    [Theory]
    [MemberData(nameof(GoldenGraph.LargeGraphs), MemberType = typeof(GoldenGraph))]
    public void Closeness_matches_networkx_wf_improved(string name) => CentralityReferenceTests.CheckCloseness(name);

    [Theory]
    [MemberData(nameof(GoldenGraph.LargeGraphs), MemberType = typeof(GoldenGraph))]
    public void Harmonic_centrality_matches_networkx(string name) => CentralityReferenceTests.CheckHarmonic(name);

    [Theory]
    [MemberData(nameof(GoldenGraph.LargeGraphs), MemberType = typeof(GoldenGraph))]
    public void Bounded_bfs_reach_within_1_2_3_matches_igraph(string name) => StructureReferenceTests.CheckBoundedBfsReach(name);

    [Theory]
    [MemberData(nameof(GoldenGraph.LargeGraphs), MemberType = typeof(GoldenGraph))]
    public void Reach_within_1_2_3_matches_igraph(string name) => CoreKernelReferenceTests.CheckReach(name);
}
