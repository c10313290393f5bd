using Connective.Graph.Algorithms;
using Connective.Graph.Generators;
using FsCheck.Xunit;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class CommunityDetectionTests
{
    public static TheoryData<string, double> LeidenBar => ReferenceValues.LeidenMedianModularity;

    [Theory]
    [MemberData(nameof(LeidenBar))]
    public void Leiden_reaches_the_median_modularity_of_igraph_leiden(string name, double igraphMedian)
    {
        var graph = Load(name);

        var results = Enumerable.Range(0, 10).Select(seed => CommunityDetection.Leiden(graph, new CommunityOptions { Seed = (ulong)seed })).ToList();

        // Every one of ten seeds, not just a typical one, must reach igraph's median.
        Assert.All(results, result => Assert.True(result.Modularity >= igraphMedian - 1e-6, $"{name}: Leiden {result.Modularity}, igraph median {igraphMedian}"));
    }

    [Fact]
    public void Louvain_finds_a_good_partition_of_karate()
    {
        var result = CommunityDetection.Louvain(Load("karate"), new CommunityOptions { Seed = 3 });

        // The best known modularity of karate is 0.4198; Louvain commonly lands within a few thousandths of it.
        Assert.InRange(result.Modularity, 0.40, 0.4198 + 1e-9);
    }

    [Fact]
    public void Reported_modularity_is_the_modularity_of_the_membership()
    {
        var graph = Load("lesmis");

        var result = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = 5 });

        Assert.Equal(Modularity.Compute(graph, result.Membership), result.Modularity, 12);
        Assert.Equal(result.CommunityCount, result.Membership.Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_the_same_communities()
    {
        var graph = Load("football");

        var first = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = 11 });
        var second = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = 11 });

        Assert.Equal(first.Membership, second.Membership);
    }

    [Fact]
    public void Planted_blocks_are_recovered()
    {
        // Four blocks of 50 with dense insides and sparse links between: each block should be one community.
        var probabilities = new double[4][];
        for (var a = 0; a < 4; a++)
        {
            probabilities[a] = [.. Enumerable.Range(0, 4).Select(b => a == b ? 0.3 : 0.005)];
        }
        var graph = StochasticBlockModel.Generate([50, 50, 50, 50], probabilities, seed: 2);

        var result = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = 4 });

        Assert.Equal(4, result.CommunityCount);
        for (var v = 0; v < 200; v++)
        {
            Assert.Equal(result.Membership[v / 50 * 50], result.Membership[v]);
        }
    }

    [Fact]
    public void Higher_resolution_gives_more_communities()
    {
        var graph = Load("lesmis");

        var coarse = CommunityDetection.Leiden(graph, new CommunityOptions { Resolution = 0.5, Seed = 1 });
        var fine = CommunityDetection.Leiden(graph, new CommunityOptions { Resolution = 2, Seed = 1 });

        Assert.True(fine.CommunityCount > coarse.CommunityCount, $"γ=2: {fine.CommunityCount}, γ=0.5: {coarse.CommunityCount}");
    }

    [Fact]
    public void Leiden_communities_are_connected()
    {
        var graph = Load("netscience");

        var result = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = 7 });

        for (var c = 0; c < result.CommunityCount; c++)
        {
            var mask = result.Membership.Select(m => m == c).ToArray();
            var members = GraphViews.Subgraph(graph, mask);
            var reached = Connective.Graph.Traversal.BreadthFirstSearch.Distances(members, 0).Count(d => d >= 0);
            Assert.Equal(members.NodeCount, reached);
        }
    }

    // The singleton partition is always available, so neither method may end below its modularity.
    [Property(MaxTest = 100)]
    public bool Leiden_and_Louvain_never_end_below_the_singleton_partition(int[] endpoints, ulong seed)
    {
        var graph = RandomGraphs.FromEndpoints(endpoints, directed: false);
        var singletons = Modularity.Compute(graph, Enumerable.Range(0, graph.NodeCount).ToArray());
        var leiden = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = seed });
        var louvain = CommunityDetection.Louvain(graph, new CommunityOptions { Seed = seed });
        return leiden.Modularity >= singletons - 1e-12 && louvain.Modularity >= singletons - 1e-12;
    }
}

public sealed class ModularityTests
{
    [Fact]
    public void Weighted_modularity_matches_igraph()
    {
        var value = Modularity.Compute(Weighted(), [0, 0, 0, 1, 1, 1, 1, 2]);

        Assert.Equal(ReferenceValues.WeightedModularity, value, 12);
    }

    [Fact]
    public void Resolution_matches_networkx()
    {
        var value = Modularity.Compute(Weighted(), [0, 0, 0, 1, 1, 1, 1, 2], resolution: 0.5);

        Assert.Equal(ReferenceValues.WeightedModularityHalfResolution, value, 12);
    }

    [Fact]
    public void Repeated_edges_and_self_loops_follow_igraph()
    {
        var value = Modularity.Compute(Load("quirks"), Enumerable.Range(0, 50).Select(v => v % 3).ToArray());

        Assert.Equal(ReferenceValues.QuirksModularity, value, 12);
    }

    [Fact]
    public void Membership_of_the_wrong_length_is_rejected_with_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => Modularity.Compute(Weighted(), [0, 1]));

        Assert.Contains("2 entries", error.Message, StringComparison.Ordinal);
        Assert.Contains("8 nodes", error.Message, StringComparison.Ordinal);
    }
}
