using Connective.Graph.Algorithms;

namespace Connective.Graph.Tests.Reference;

/// <summary>Leiden's modularity against the median of 10 seeded igraph runs (issue 3 §6).</summary>
public sealed class CommunityReferenceTests
{
    [Theory]
    [MemberData(nameof(GoldenGraph.FullGraphs), MemberType = typeof(GoldenGraph))]
    public void Leiden_modularity_reaches_the_igraph_median(string name)
    {
        var golden = GoldenGraph.Load(name);
        var simple = GraphViews.Simple(golden.LoadSimple());

        var result = CommunityDetection.Leiden(simple);

        // Recomputed here from the membership, so the bar does not rest on the engine's own modularity figure.
        var modularity = ModularityOf(simple, result.Membership);
        Assert.Equal(modularity, result.Modularity, 1e-9);
        var median = golden.Double("leiden_modularity_median");
        Assert.True(modularity >= median - 1e-6, $"{name}: Leiden modularity {modularity:R} is below the igraph median {median:R} − 1e-6.");
    }

    /// <summary>Newman's modularity of an undirected simple graph: Σ_c (L_c / m − (d_c / 2m)²).</summary>
    internal static double ModularityOf(Graph simple, int[] membership)
    {
        var m = (double)simple.EdgeCount;
        if (m == 0)
        {
            return 0;
        }
        var communities = membership.Length == 0 ? 0 : membership.Max() + 1;
        var inside = new double[communities];
        var degree = new double[communities];
        for (var u = 0; u < simple.NodeCount; u++)
        {
            degree[membership[u]] += simple.Degree(u);
            foreach (var v in simple.Neighbors(u))
            {
                if (membership[v] == membership[u])
                {
                    inside[membership[u]] += 0.5;
                }
            }
        }
        var q = 0.0;
        for (var c = 0; c < communities; c++)
        {
            q += inside[c] / m - degree[c] / (2 * m) * (degree[c] / (2 * m));
        }
        return q;
    }
}
