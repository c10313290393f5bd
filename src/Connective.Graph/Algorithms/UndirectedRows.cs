namespace Connective.Graph.Algorithms;

/// <summary>
/// Adjacency rows that ignore arc directions: the graph's own rows when undirected, and for a directed graph each
/// node's out-row followed by its in-row, so an arc u→v appears in both rows (a pair of opposite arcs gives two
/// parallel edges, as igraph reads a directed graph as undirected).
/// </summary>
internal readonly record struct UndirectedRows(int[] Offsets, int[] Targets)
{
    public int NodeCount => Offsets.Length - 1;

    public static UndirectedRows Of(CsrGraph graph)
    {
        if (!graph.IsDirected)
        {
            return new UndirectedRows(graph.Offsets, graph.Targets);
        }
        var n = graph.NodeCount;
        var offsets = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] = checked(offsets[v] + graph.Degree(v) + graph.InDegree(v));
        }
        var targets = new int[offsets[n]];
        for (var v = 0; v < n; v++)
        {
            graph.Neighbors(v).CopyTo(targets.AsSpan(offsets[v]));
            graph.InNeighbors(v).CopyTo(targets.AsSpan(offsets[v] + graph.Degree(v)));
        }
        return new UndirectedRows(offsets, targets);
    }

    public ReadOnlySpan<int> Row(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);
}
