using Connective.Graph.Algorithms;
using Connective.Graph.Generators;
using Connective.Graph.Tests.Reference;

namespace Connective.Graph.Tests.Algorithms;

/// <summary>
/// Tests that change <see cref="ParallelWork.MaxWorkers"/>: they run alone (no other test runs while the setting is
/// changed), and each restores the setting when it ends.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerCountSetting
{
    public const string Name = "Worker count";
}

/// <summary>Sets <see cref="ParallelWork.MaxWorkers"/> until disposed, then puts the previous value back.</summary>
internal sealed class WorkerLimit : IDisposable
{
    private readonly int _previous = ParallelWork.MaxWorkers;

    public WorkerLimit(int workers) => ParallelWork.MaxWorkers = workers;

    public void Dispose() => ParallelWork.MaxWorkers = _previous;
}

/// <summary>Results must not depend on how many workers share the work (a one-core machine included).</summary>
[Collection(WorkerCountSetting.Name)]
public sealed class WorkerCountTests
{
    /// <summary>One worker (everything on the calling thread), two, and more workers than this machine has cores.</summary>
    public static TheoryData<int> WorkerCounts() => [1, 2, 5];

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Reach_on_a_small_graph_matches_igraph_with_any_number_of_workers(int workers)
    {
        // hep-th: 8,361 nodes, searched 64 sources at a time (131 batches, the last one partial).
        var golden = GoldenGraph.Load("hep-th");
        var graph = golden.LoadSimple();
        var all = Enumerable.Range(0, graph.NodeCount).ToArray();

        long[] three;
        int[] one, two;
        using (new WorkerLimit(workers))
        {
            three = Reach.Within(graph, all, 3);
            two = Reach.WithinTwo(graph);
            one = Reach.WithinOne(graph);
        }

        ReferenceAssert.Integers(golden, graph, "reach1", node => one[node]);
        ReferenceAssert.Integers(golden, graph, "reach2", node => two[node]);
        ReferenceAssert.Integers(golden, graph, "reach3", node => three[node]);
    }

    [Fact]
    public void Reach_on_a_large_graph_matches_igraph_with_one_worker_and_with_several()
    {
        // The community model at 1,000,000 nodes is above the batched searches' limit, so every source gets its own
        // search, one source per chunk: on one worker the whole range arrives in one call, and every source in it must
        // be counted (a past bug counted only the first). Golden values for the 1,000 sampled nodes.
        var golden = GoldenGraph.Load("gen-community-1m");
        var graph = golden.LoadSimple();
        var sample = Enumerable.Range(0, golden.NodeIds.Length).Select(row => ReferenceAssert.Node(golden, graph, row)).ToArray();

        foreach (var workers in new[] { 1, 3 })
        {
            long[] reach;
            using (new WorkerLimit(workers))
            {
                reach = Reach.Within(graph, sample, 3);
            }

            ReferenceAssert.Integers(golden, graph, "reach3", node => reach[Array.IndexOf(sample, node)]);
        }
    }

    [Theory]
    [InlineData("hep-th")]
    [InlineData("gen-ba-10k")]
    public void Leiden_and_Louvain_find_the_same_communities_with_any_number_of_workers(string name)
    {
        // Both graphs have levels above the size where refinement and aggregation are split into chunks for workers
        // (hep-th's first level has 31,502 adjacency entries, the Barabási–Albert graph's about 200,000).
        var graph = GraphViews.Simple(GoldenGraph.Load(name).LoadSimple());
        var options = new CommunityOptions { Seed = 3 };

        var leiden = new List<CommunityResult>();
        var louvain = new List<CommunityResult>();
        foreach (var workers in new[] { 1, 2, 5 })
        {
            using (new WorkerLimit(workers))
            {
                leiden.Add(CommunityDetection.Leiden(graph, options));
                louvain.Add(CommunityDetection.Louvain(graph, options));
            }
        }

        Assert.All(leiden, result => Assert.Equal(leiden[0].Membership, result.Membership));
        Assert.All(louvain, result => Assert.Equal(louvain[0].Membership, result.Membership));
        Assert.All(leiden, result => Assert.Equal(leiden[0].Modularity, result.Modularity));
        Assert.True(leiden[0].CommunityCount > 1, $"{name}: one community; the check would prove nothing.");
    }

    [Fact]
    public void Eigenvector_centrality_is_the_same_with_one_worker_and_with_several()
    {
        // 50,000 nodes and 150,000 edges: above the sequential threshold, so the products and sums are split.
        var graph = BarabasiAlbert.Generate(50_000, 3, seed: 5);

        double[] one, several;
        using (new WorkerLimit(1))
        {
            one = EigenvectorCentrality.Compute(graph).Scores;
        }
        using (new WorkerLimit(3))
        {
            several = EigenvectorCentrality.Compute(graph).Scores;
        }

        Assert.Equal(one, several);
    }

    [Fact]
    public void The_worker_count_is_at_least_one_and_is_restored()
    {
        var before = ParallelWork.MaxWorkers;

        using (new WorkerLimit(1))
        {
            Assert.Equal(1, ParallelWork.MaxWorkers);
            Assert.Throws<ArgumentOutOfRangeException>(() => ParallelWork.MaxWorkers = 0);
        }

        Assert.Equal(before, ParallelWork.MaxWorkers);
    }
}
