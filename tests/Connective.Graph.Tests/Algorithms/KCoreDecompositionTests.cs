using Connective.Graph.Algorithms;
using FsCheck.Xunit;

namespace Connective.Graph.Tests.Algorithms;

public sealed class KCoreDecompositionTests
{
    [Fact]
    public void Clique_with_a_tail()
    {
        // K4 on 0..3, then 3–4, 4–5: cores 3,3,3,3,1,1; 6 is isolated.
        var builder = new GraphBuilder();
        builder.DeclareNodes(7);
        for (var u = 0; u < 4; u++)
        {
            for (var v = u + 1; v < 4; v++)
            {
                builder.AddEdge(u, v);
            }
        }
        builder.AddEdge(3, 4);
        builder.AddEdge(4, 5);

        Assert.Equal([3, 3, 3, 3, 1, 1, 0], KCoreDecomposition.CoreNumbers(builder.Build()));
    }

    [Fact]
    public void Karate_core_numbers_match_networkx()
    {
        // NetworkX 2.8.8 core_number(karate_club_graph()): max 4; node 0 → 4, node 11 → 1, node 33 → 4.
        var cores = KCoreDecomposition.CoreNumbers(NetworkFiles.Load("karate"));

        Assert.Equal(4, cores.Max());
        Assert.Equal([4, 1, 4], new[] { cores[0], cores[11], cores[33] });
    }

    [Fact]
    public void Quirks_cores_ignore_loops_and_repeats()
    {
        // igraph 0.10.2: max(coreness()) after simplify() on quirks.edgelist is 4.
        Assert.Equal(4, KCoreDecomposition.CoreNumbers(NetworkFiles.Load("quirks")).Max());
    }

    [Property(MaxTest = 200)]
    public bool Core_numbers_satisfy_the_definition(int[] endpoints)
    {
        var graph = GraphViews.Simple(RandomGraphs.FromEndpoints(endpoints, directed: false));
        var cores = KCoreDecomposition.CoreNumbers(graph);

        // Every node has at least core(u) neighbours with core ≥ core(u), and the (core(u)+1)-core, found by
        // repeated peeling, does not contain u.
        for (var u = 0; u < graph.NodeCount; u++)
        {
            if (graph.Neighbors(u).ToArray().Count(v => cores[v] >= cores[u]) < cores[u])
            {
                return false;
            }
            if (Peel(graph, cores[u] + 1)[u])
            {
                return false;
            }
        }
        return true;
    }

    private static bool[] Peel(CsrGraph graph, int k)
    {
        var alive = Enumerable.Repeat(true, graph.NodeCount).ToArray();
        bool changed;
        do
        {
            changed = false;
            for (var u = 0; u < graph.NodeCount; u++)
            {
                if (alive[u] && graph.Neighbors(u).ToArray().Count(v => alive[v]) < k)
                {
                    alive[u] = false;
                    changed = true;
                }
            }
        }
        while (changed);
        return alive;
    }
}
