namespace Connective.Graph.Generators;

/// <summary>Turns a generator's edge buffer into an undirected <see cref="CsrGraph"/> on nodes 0..n−1.</summary>
internal static class GeneratedGraph
{
    public static CsrGraph Build(int nodeCount, EdgeBuffer edges)
    {
        var builder = new GraphBuilder(directed: false);
        // Declaring the nodes keeps integer ids 0..n−1 as the dense ids, isolated nodes included.
        builder.DeclareNodes(nodeCount);
        builder.EnsureCapacity(checked((int)edges.Count));
        var sources = edges.Sources;
        var targets = edges.Targets;
        for (var i = 0; i < sources.Length; i++)
        {
            builder.AddEdge(sources[i], targets[i]);
        }
        return builder.Build();
    }
}
