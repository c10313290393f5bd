using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>A partition of the nodes into components.</summary>
/// <param name="Membership">The component of each node. Components are numbered 0, 1, … in order of their smallest node id.</param>
/// <param name="Sizes">The number of nodes in each component, indexed by component number.</param>
public sealed record Components(int[] Membership, int[] Sizes)
{
    /// <summary>The number of components.</summary>
    public int Count => Sizes.Length;

    /// <summary>The size of the largest component (0 for an empty graph).</summary>
    public int LargestSize => Sizes.Length == 0 ? 0 : Sizes.Max();
}

/// <summary>Weakly and strongly connected components.</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Connected components of an undirected graph, or weakly connected components of a directed one (arcs
    /// followed in either direction). Self-loops and repeated edges make no difference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Components Weak(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (!graph.IsDirected && graph.Offsets[n] <= SearchUpToEntries)
        {
            return Search(graph);
        }
        // Union–find over the stored rows (an arc joins its ends whichever way it points; an undirected edge once,
        // from its lower end): linking the larger root under the smaller keeps every root the smallest node of its
        // set, so numbering needs no extra pass.
        var parent = new int[n];
        for (var u = 0; u < n; u++)
        {
            parent[u] = u;
        }
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        for (var u = 0; u < n; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var v = targets[e];
                if (v > u || graph.IsDirected)
                {
                    Union(parent, u, v);
                }
            }
        }
        return Number(parent);
    }

    /// <summary>
    /// Strongly connected components of a directed graph (iterative Tarjan); on an undirected graph these are the
    /// connected components.
    /// </summary>
    public static Components Strong(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.IsDirected)
        {
            return Weak(graph);
        }
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var index = new int[n];
        var low = new int[n];
        var rootOf = new int[n];
        Array.Fill(index, -1);
        var stack = new int[n];
        var onStack = new bool[n];
        var callNode = new int[n];
        var callEdge = new int[n];
        var stackTop = 0;
        var next = 0;
        for (var start = 0; start < n; start++)
        {
            if (index[start] >= 0)
            {
                continue;
            }
            var depth = 0;
            callNode[0] = start;
            callEdge[0] = offsets[start];
            index[start] = low[start] = next++;
            stack[stackTop++] = start;
            onStack[start] = true;
            while (depth >= 0)
            {
                var u = callNode[depth];
                var e = callEdge[depth];
                if (e < offsets[u + 1])
                {
                    callEdge[depth] = e + 1;
                    var v = targets[e];
                    if (index[v] < 0)
                    {
                        index[v] = low[v] = next++;
                        stack[stackTop++] = v;
                        onStack[v] = true;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = offsets[v];
                    }
                    else if (onStack[v])
                    {
                        low[u] = Math.Min(low[u], index[v]);
                    }
                    continue;
                }
                if (low[u] == index[u])
                {
                    // u roots a component: pop it, naming it after its smallest member for canonical numbering.
                    var top = stackTop;
                    var smallest = int.MaxValue;
                    int w;
                    do
                    {
                        w = stack[--top];
                        smallest = Math.Min(smallest, w);
                    }
                    while (w != u);
                    while (stackTop > top)
                    {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        rootOf[w] = smallest;
                    }
                }
                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    low[parent] = Math.Min(low[parent], low[u]);
                }
            }
        }
        return Number(rootOf);
    }

    /// <summary>Numbers components by their smallest node, given each node's representative (a smallest member, or a union–find parent chain to it).</summary>
    /// <summary>
    /// Undirected graphs with at most this many adjacency entries are searched breadth-first, twice as fast as
    /// union–find while everything stays in cache (hep-th 0.10 ms against 0.25); on larger ones a search's scattered
    /// reads cost more than union–find's, which stay within the parent array (community-1m 0.165 s against 0.075 s).
    /// </summary>
    private const int SearchUpToEntries = 1_000_000;

    /// <summary>
    /// Components of an undirected graph by breadth-first search from each node not reached yet, in node order: each
    /// search starts at its component's smallest node, so components come out numbered as <see cref="Components"/>
    /// promises.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Components Search(CsrGraph graph)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var membership = new int[n];
        Array.Fill(membership, -1);
        var queue = new int[n];
        var sizes = new List<int>();
        for (var start = 0; start < n; start++)
        {
            if (membership[start] >= 0)
            {
                continue;
            }
            var component = sizes.Count;
            membership[start] = component;
            queue[0] = start;
            var head = 0;
            var tail = 1;
            while (head < tail)
            {
                var u = queue[head++];
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var v = targets[e];
                    if (membership[v] < 0)
                    {
                        membership[v] = component;
                        queue[tail++] = v;
                    }
                }
            }
            sizes.Add(tail);
        }
        return new Components(membership, [.. sizes]);
    }

    private static Components Number(int[] representative)
    {
        var n = representative.Length;
        var membership = new int[n];
        var sizes = new List<int>();
        for (var u = 0; u < n; u++)
        {
            var root = Find(representative, u);
            if (root == u)
            {
                membership[u] = sizes.Count;
                sizes.Add(0);
            }
            else
            {
                // root < u, so its number is already assigned.
                membership[u] = membership[root];
            }
            sizes[membership[u]]++;
        }
        return new Components(membership, [.. sizes]);
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            // Path halving.
            var grandparent = parent[parent[x]];
            parent[x] = grandparent;
            x = grandparent;
        }
        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else if (rb < ra)
        {
            parent[ra] = rb;
        }
    }
}
