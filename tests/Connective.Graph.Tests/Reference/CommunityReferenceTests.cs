using Connective.Graph.Algorithms;
using Connective.Graph.Formats;

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

        var median = golden.Double("leiden_modularity_median");

        // The default seed, and the median of seeds 0..9 against igraph's median of its 10 seeds. Single seeds can end
        // in a poorer local optimum on tiny graphs (quirks seed 6, serengeti-foodweb seed 3), even when runs repeat
        // until nothing changes, so the bar is not asked of every seed.
        var modularities = new List<double>();
        for (var seed = 0UL; seed < 10; seed++)
        {
            var result = CommunityDetection.Leiden(simple, new CommunityOptions { Seed = seed });

            // Recomputed here from the membership, so the bar does not rest on the engine's own modularity figure.
            var modularity = ModularityOf(simple, result.Membership);
            Assert.Equal(modularity, result.Modularity, 1e-9);
            modularities.Add(modularity);
        }
        Assert.True(modularities[0] >= median - 1e-6, $"{name}: Leiden modularity {modularities[0]:R} (default seed) is below the igraph median {median:R} − 1e-6.");
        modularities.Sort();
        var ours = (modularities[4] + modularities[5]) / 2;
        Assert.True(ours >= median - 1e-6, $"{name}: the median Leiden modularity of seeds 0..9, {ours:R}, is below the igraph median {median:R} − 1e-6.");
    }

    [Theory]
    [MemberData(nameof(GoldenGraph.DirectedGraphs), MemberType = typeof(GoldenGraph))]
    public void Leiden_and_Louvain_on_directed_input_optimise_the_undirected_simple_view(string name)
    {
        var golden = GoldenGraph.Load(name);
        // The file as a user reads it: directed, with reciprocal arcs, any repeats and self-loops kept.
        var directed = GraphFile.Read(golden.SharedNetworkPath());
        Assert.True(directed.IsDirected, $"{name}: the golden says directed but the file was read as undirected.");
        var view = GraphViews.Simple(directed);
        var median = golden.Double("leiden_modularity_median");

        var leiden = new List<double>();
        var louvain = new List<double>();
        for (var seed = 0UL; seed < 10; seed++)
        {
            var options = new CommunityOptions { Seed = seed };
            foreach (var (result, into) in new[] { (CommunityDetection.Leiden(directed, options), leiden), (CommunityDetection.Louvain(directed, options), louvain) })
            {
                // The reported modularity is the simple view's (recomputed here from the membership), and says so.
                Assert.True(result.OnUndirectedSimpleView);
                Assert.Equal(ModularityOf(view, result.Membership), result.Modularity, 1e-9);
                Assert.Equal(result.Modularity, Modularity.Compute(directed, result.Membership), 1e-12);
                into.Add(result.Modularity);
            }
        }

        Assert.True(leiden[0] >= median - 1e-6, $"{name}: Leiden (default seed) {leiden[0]:R} on directed input is below igraph's median {median:R} on the simple view − 1e-6.");
        Assert.True(Median(leiden) >= median - 1e-6, $"{name}: the median Leiden modularity of seeds 0..9 on directed input, {Median(leiden):R}, is below igraph's median {median:R} − 1e-6.");
        // Louvain is held to the same bar as Leiden (issue 19). igraph's own Louvain (community_multilevel) median is
        // in the golden too; on serengeti-foodweb it is 0.3700, above ours (0.3688) and above igraph's Leiden (0.3682).
        Assert.True(Median(louvain) >= median - 1e-6, $"{name}: the median Louvain modularity of seeds 0..9 on directed input, {Median(louvain):R}, is below igraph's Leiden median {median:R} − 1e-6.");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Newman's modularity of an undirected simple graph: Σ_c (L_c / m − (d_c / 2m)²).</summary>
    internal static double ModularityOf(CsrGraph simple, int[] membership)
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
