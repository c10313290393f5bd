namespace Connective.Graph.Algorithms;

/// <summary>An edge by its two dense node ids, the smaller first.</summary>
/// <param name="Source">The smaller node id.</param>
/// <param name="Target">The larger node id.</param>
public readonly record struct NodePair(int Source, int Target);

/// <summary>Bridges and articulation points of a graph read as undirected.</summary>
/// <param name="Bridges">Edges whose removal disconnects their two ends, sorted.</param>
/// <param name="ArticulationPoints">Nodes whose removal increases the number of components, ascending.</param>
public sealed record CutStructure(IReadOnlyList<NodePair> Bridges, IReadOnlyList<int> ArticulationPoints);

/// <summary>
/// Finds bridges and articulation points with Hopcroft and Tarjan's depth-first search (low-points), using an explicit
/// stack instead of recursion so a path of a million nodes cannot overflow the call stack.
/// </summary>
/// <remarks>
/// Directions are ignored. An edge with a parallel copy is never a bridge (as NetworkX's <c>bridges</c> on a
/// multigraph); self-loops change nothing. Results match NetworkX's <c>bridges</c> and <c>articulation_points</c>.
/// </remarks>
public static class BridgesAndArticulationPoints
{
    /// <summary>Computes the bridges and articulation points of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    public static CutStructure Find(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var rows = UndirectedRows.Of(graph);
        var n = rows.NodeCount;
        var offsets = rows.Offsets;
        var targets = rows.Targets;
        var discovery = new int[n];
        Array.Fill(discovery, -1);
        var low = new int[n];
        var parent = new int[n];
        var next = new int[n];
        var parentEdgeSkipped = new bool[n];
        var isArticulation = new bool[n];
        var stack = new int[n];
        var bridges = new List<NodePair>();
        var time = 0;

        for (var root = 0; root < n; root++)
        {
            if (discovery[root] >= 0)
            {
                continue;
            }
            var rootChildren = 0;
            var depth = 0;
            stack[depth++] = root;
            discovery[root] = low[root] = time++;
            parent[root] = -1;
            next[root] = offsets[root];
            while (depth > 0)
            {
                var v = stack[depth - 1];
                if (next[v] < offsets[v + 1])
                {
                    var w = targets[next[v]++];
                    if (w == v)
                    {
                        continue;
                    }
                    if (w == parent[v] && !parentEdgeSkipped[v])
                    {
                        // Skip the tree edge back to the parent once; a parallel copy is a genuine back edge.
                        parentEdgeSkipped[v] = true;
                        continue;
                    }
                    if (discovery[w] < 0)
                    {
                        parent[w] = v;
                        discovery[w] = low[w] = time++;
                        next[w] = offsets[w];
                        stack[depth++] = w;
                    }
                    else if (discovery[w] < low[v])
                    {
                        low[v] = discovery[w];
                    }
                    continue;
                }

                depth--;
                var p = parent[v];
                if (p < 0)
                {
                    continue;
                }
                if (low[v] < low[p])
                {
                    low[p] = low[v];
                }
                if (low[v] > discovery[p])
                {
                    bridges.Add(p < v ? new NodePair(p, v) : new NodePair(v, p));
                }
                if (p == root)
                {
                    rootChildren++;
                }
                else if (low[v] >= discovery[p])
                {
                    isArticulation[p] = true;
                }
            }
            if (rootChildren >= 2)
            {
                isArticulation[root] = true;
            }
        }

        bridges.Sort((a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Target.CompareTo(b.Target));
        var points = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (isArticulation[v])
            {
                points.Add(v);
            }
        }
        return new CutStructure(bridges, points);
    }
}
