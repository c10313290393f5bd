using Connective.Graph.Algorithms;
using FsCheck.Xunit;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class ClosenessTests
{
    [Fact]
    public void Karate_closeness_matches_networkx()
    {
        AssertClose(ReferenceValues.KarateCloseness, Closeness.Compute(Load("karate")));
    }

    [Fact]
    public void Disconnected_florentine_closeness_uses_the_wasserman_faust_scaling()
    {
        AssertClose(ReferenceValues.FlorentineCloseness, Closeness.Compute(Load("florentine")));
    }

    [Fact]
    public void Directed_closeness_uses_distances_to_the_node()
    {
        AssertClose(ReferenceValues.DirectedCloseness, Closeness.Compute(Directed()));
    }

    [Fact]
    public void Karate_harmonic_matches_networkx()
    {
        AssertClose(ReferenceValues.KarateHarmonic, Closeness.Harmonic(Load("karate")));
    }

    [Fact]
    public void Florentine_harmonic_matches_networkx()
    {
        AssertClose(ReferenceValues.FlorentineHarmonic, Closeness.Harmonic(Load("florentine")));
    }

    [Fact]
    public void Directed_harmonic_matches_networkx()
    {
        AssertClose(ReferenceValues.DirectedHarmonic, Closeness.Harmonic(Directed()));
    }

    // Every other node contributes at most 1 (at distance 1), so harmonic centrality is between 0 and n − 1,
    // and closeness is between 0 and 1.
    [Property(MaxTest = 100)]
    public bool Values_stay_within_their_bounds(int[] endpoints, bool directed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed);
        var harmonic = Closeness.Harmonic(graph);
        var closeness = Closeness.Compute(graph);
        return harmonic.All(h => h >= 0 && h <= Math.Max(0, graph.NodeCount - 1))
            && closeness.All(c => c >= 0 && c <= 1 + 1e-12);
    }
}
