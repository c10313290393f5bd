using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Algorithms;

public sealed class DegreeStatisticsTests
{
    [Fact]
    public void Undirected_degrees_count_self_loops_twice()
    {
        var builder = new GraphBuilder();
        builder.DeclareNodes(4);
        builder.AddEdge(0, 0);
        builder.AddEdge(0, 1);
        builder.AddEdge(1, 2);

        var graph = builder.Build();

        var stats = DegreeStatistics.Compute(graph);

        Assert.Equal([3, 2, 1, 0], DegreeStatistics.NodeDegrees(graph));
        Assert.Equal(0, stats.Degree.Min);
        Assert.Equal(3, stats.Degree.Max);
        Assert.Equal(1.5, stats.Degree.Mean);
        Assert.Equal(1.5, stats.Degree.Median);
        Assert.Equal([1L, 1, 1, 1], stats.Degree.Histogram);
        Assert.Equal(1, stats.Isolates);
    }

    [Fact]
    public void Directed_graph_reports_in_and_out_degrees()
    {
        var builder = new GraphBuilder(directed: true);
        builder.AddEdge(0, 1);
        builder.AddEdge(0, 2);
        builder.AddEdge(1, 2);

        var stats = DegreeStatistics.Compute(builder.Build());

        Assert.Equal(2, stats.OutDegree.Max);
        Assert.Equal(0, stats.OutDegree.Min);
        Assert.Equal(2, stats.InDegree.Max);
        Assert.Equal(2, stats.Degree.Max);
        Assert.Equal(2, stats.Degree.Mean);
    }

    [Fact]
    public void Karate_degree_summary()
    {
        // NetworkX 2.8.8: karate degrees range 1..17 with mean 156/34.
        var stats = DegreeStatistics.Compute(NetworkFiles.Load("karate"));

        Assert.Equal(1, stats.Degree.Min);
        Assert.Equal(17, stats.Degree.Max);
        Assert.Equal(156.0 / 34, stats.Degree.Mean, 12);
    }
}
