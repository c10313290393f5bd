using Connective.Graph.Algorithms;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class IsolationReportTests
{
    // Nodes 0-4 a star centred on 0 with 5 attached to 1; 6-7 a pair; 8-9-10 a path; 11 alone; 12 only a self-loop.
    private static CsrGraph Sample() => FromEdges(
        13, directed: false, (0, 1), (0, 2), (0, 3), (0, 4), (1, 5), (6, 7), (8, 9), (9, 10), (12, 12));

    [Fact]
    public void Isolates_are_nodes_without_any_edge()
    {
        var report = Isolation.Report(Sample());

        Assert.Equal([11], report.Isolates);
    }

    [Fact]
    public void Degree_one_nodes_have_a_single_neighbour()
    {
        var report = Isolation.Report(Sample());

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 10], report.DegreeOne);
    }

    [Fact]
    public void Small_components_exclude_isolates_and_large_components()
    {
        var report = Isolation.Report(Sample(), new IsolationOptions { SmallComponentMaxSize = 3 });

        Assert.Equal([[6, 7], [8, 9, 10]], report.SmallComponents.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void Low_reach_lists_nodes_reaching_fewer_than_the_threshold_within_two_steps()
    {
        var report = Isolation.Report(Sample(), new IsolationOptions { MinReachWithinTwoSteps = 4 });

        // 0 reaches 1,2,3,4,5 (5); 1 reaches 0,5,2,3,4 (5); 2 reaches 0,1,3,4 (4); 5 reaches 1,0 (2).
        Assert.Equal(
            [new NodeReach(5, 2), new NodeReach(6, 1), new NodeReach(7, 1), new NodeReach(8, 2), new NodeReach(9, 2),
             new NodeReach(10, 2), new NodeReach(11, 0), new NodeReach(12, 0)],
            report.LowReach);
    }

    [Fact]
    public void Directed_reach_follows_arcs_but_components_ignore_them()
    {
        var graph = FromEdges(3, directed: true, (0, 1), (1, 2));

        var report = Isolation.Report(graph, new IsolationOptions { MinReachWithinTwoSteps = 1 });

        Assert.Equal([new NodeReach(2, 0)], report.LowReach);
        Assert.Equal([[0, 1, 2]], report.SmallComponents.Select(c => c.ToArray()).ToArray());
        Assert.Equal([0, 2], report.DegreeOne);
    }
}
