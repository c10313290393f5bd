namespace Connective.Graph.Tests;

/// <summary>Small graphs for property tests, built from arbitrary integers FsCheck generates.</summary>
internal static class RandomGraphs
{
    /// <summary>Consecutive pairs of <paramref name="endpoints"/> (folded into 0..29) become edges.</summary>
    public static CsrGraph FromEndpoints(int[] endpoints, bool directed, DuplicateEdgePolicy duplicates = DuplicateEdgePolicy.Keep)
    {
        var builder = new GraphBuilder(directed) { DuplicateEdges = duplicates };
        endpoints ??= [];
        for (var i = 0; i + 1 < endpoints.Length; i += 2)
        {
            builder.AddEdge(Fold(endpoints[i]), Fold(endpoints[i + 1]));
        }
        return builder.Build();
    }

    private static int Fold(int value) => (int)((uint)value % 30);
}
