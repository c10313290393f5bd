namespace Connective.Graph.Algorithms;

/// <summary>
/// Burt's structural-hole measures of brokerage, defined exactly as NetworkX's <c>constraint</c> and
/// <c>effective_size</c>: a node whose contacts are not connected to each other spans structural holes.
/// </summary>
/// <remarks>
/// Both rest on the mutual weight of two nodes, a_uv + a_vu (each edge weighs 1 unless weights are used), over the
/// node's neighbours in either direction. A node without (out-)neighbours gets NaN, as in NetworkX.
/// Self-loops are ignored; repeated edges add their weights. Nodes are processed in parallel; every node's value
/// depends only on its neighbourhood, so results do not depend on the number of threads.
/// </remarks>
public static class Brokerage
{
    /// <summary>
    /// Burt's constraint: c(v) = Σ_{n ∈ N(v)} (p_vn + Σ_{w ∈ N(v)} p_vw p_wn)², where p_uv is the mutual weight of
    /// u and v divided by the sum of u's mutual weights. High constraint means contacts that all know each other.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="useWeights">Use edge weights (NetworkX's <c>weight="weight"</c>); by default every edge weighs 1.</param>
    /// <returns>Constraint of each node by dense node id; NaN for nodes without neighbours.</returns>
    public static double[] Constraint(CsrGraph graph, bool useWeights = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var rows = MutualWeights.Of(graph, useWeights);
        var result = new double[graph.NodeCount];
        Parallel.For(
            0,
            graph.NodeCount,
            () => new Scratch(graph.NodeCount),
            (v, _, scratch) =>
            {
                result[v] = ConstraintOf(rows, graph, v, scratch);
                return scratch;
            },
            _ => { });
        return result;
    }

    /// <summary>
    /// Burt's effective size: the number of contacts minus their redundancy,
    /// Σ_{u ∈ N(v)} (1 − Σ_{w ∈ N(v)} p_vw m_uw), where m_uw is u's mutual weight with w divided by u's largest
    /// mutual weight. Unweighted and undirected this is Borgatti's n − 2t/n (n contacts, t ties among them).
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="useWeights">Use edge weights (NetworkX's <c>weight="weight"</c>); by default every edge weighs 1.</param>
    /// <returns>Effective size of each node by dense node id; NaN for nodes without neighbours.</returns>
    public static double[] EffectiveSize(CsrGraph graph, bool useWeights = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var rows = MutualWeights.Of(graph, useWeights);
        var simple = !graph.IsDirected && !(useWeights && graph.IsWeighted);
        var result = new double[graph.NodeCount];
        Parallel.For(
            0,
            graph.NodeCount,
            () => new Scratch(graph.NodeCount),
            (v, _, scratch) =>
            {
                result[v] = simple ? BorgattiEffectiveSize(rows, graph, v, scratch) : EffectiveSizeOf(rows, graph, v, scratch);
                return scratch;
            },
            _ => { });
        return result;
    }

    private static double ConstraintOf(MutualWeights rows, CsrGraph graph, int v, Scratch scratch)
    {
        if (graph.Degree(v) == 0 || rows.Row(v).IsEmpty)
        {
            return double.NaN;
        }
        var neighbours = rows.Row(v);
        var weights = rows.RowWeights(v);
        var sumV = rows.Sum[v];
        foreach (var n in neighbours)
        {
            scratch.IsNeighbour[n] = true;
            scratch.Indirect[n] = 0;
        }
        for (var i = 0; i < neighbours.Length; i++)
        {
            var w = neighbours[i];
            var pvw = weights[i] / sumV;
            var rowW = rows.Row(w);
            var weightsW = rows.RowWeights(w);
            var sumW = rows.Sum[w];
            for (var j = 0; j < rowW.Length; j++)
            {
                var n = rowW[j];
                if (scratch.IsNeighbour[n])
                {
                    scratch.Indirect[n] += pvw * (weightsW[j] / sumW);
                }
            }
        }
        var total = 0.0;
        for (var i = 0; i < neighbours.Length; i++)
        {
            var n = neighbours[i];
            var local = (weights[i] / sumV) + scratch.Indirect[n];
            total += local * local;
            scratch.IsNeighbour[n] = false;
        }
        return total;
    }

    private static double EffectiveSizeOf(MutualWeights rows, CsrGraph graph, int v, Scratch scratch)
    {
        if (graph.Degree(v) == 0 || rows.Row(v).IsEmpty)
        {
            return double.NaN;
        }
        var neighbours = rows.Row(v);
        var weights = rows.RowWeights(v);
        var sumV = rows.Sum[v];
        for (var i = 0; i < neighbours.Length; i++)
        {
            scratch.IsNeighbour[neighbours[i]] = true;
            scratch.Indirect[neighbours[i]] = weights[i] / sumV;
        }
        var total = 0.0;
        foreach (var u in neighbours)
        {
            var rowU = rows.Row(u);
            var weightsU = rows.RowWeights(u);
            var maxU = rows.Max[u];
            var redundancy = 0.0;
            for (var j = 0; j < rowU.Length; j++)
            {
                if (scratch.IsNeighbour[rowU[j]])
                {
                    redundancy += scratch.Indirect[rowU[j]] * (weightsU[j] / maxU);
                }
            }
            total += 1 - redundancy;
        }
        foreach (var n in neighbours)
        {
            scratch.IsNeighbour[n] = false;
        }
        return total;
    }

    private static double BorgattiEffectiveSize(MutualWeights rows, CsrGraph graph, int v, Scratch scratch)
    {
        var neighbours = rows.Row(v);
        if (graph.Degree(v) == 0 || neighbours.IsEmpty)
        {
            return double.NaN;
        }
        foreach (var n in neighbours)
        {
            scratch.IsNeighbour[n] = true;
        }
        long endsAmongContacts = 0;
        foreach (var u in neighbours)
        {
            foreach (var w in rows.Row(u))
            {
                if (scratch.IsNeighbour[w])
                {
                    endsAmongContacts++;
                }
            }
        }
        foreach (var n in neighbours)
        {
            scratch.IsNeighbour[n] = false;
        }
        // endsAmongContacts counts each tie among contacts from both ends: it is 2t.
        double count = neighbours.Length;
        return count - (endsAmongContacts / count);
    }

    private sealed class Scratch(int nodeCount)
    {
        public bool[] IsNeighbour { get; } = new bool[nodeCount];

        public double[] Indirect { get; } = new double[nodeCount];
    }

    /// <summary>
    /// For each node, its distinct neighbours in either direction (itself excluded), ascending, with the mutual
    /// weight a_uv + a_vu; on undirected graphs the edge weight itself (the factor 2 cancels in every ratio used).
    /// </summary>
    private sealed class MutualWeights
    {
        private readonly int[] _offsets;
        private readonly int[] _targets;
        private readonly double[] _weights;

        private MutualWeights(int[] offsets, int[] targets, double[] weights)
        {
            _offsets = offsets;
            _targets = targets;
            _weights = weights;
            var n = offsets.Length - 1;
            Sum = new double[n];
            Max = new double[n];
            for (var v = 0; v < n; v++)
            {
                var sum = 0.0;
                var max = 0.0;
                foreach (var w in RowWeights(v))
                {
                    sum += w;
                    max = Math.Max(max, w);
                }
                Sum[v] = sum;
                Max[v] = max;
            }
        }

        public double[] Sum { get; }

        public double[] Max { get; }

        public ReadOnlySpan<int> Row(int v) => _targets.AsSpan(_offsets[v], _offsets[v + 1] - _offsets[v]);

        public ReadOnlySpan<double> RowWeights(int v) => _weights.AsSpan(_offsets[v], _offsets[v + 1] - _offsets[v]);

        public static MutualWeights Of(CsrGraph graph, bool useWeights)
        {
            var n = graph.NodeCount;
            var offsets = new int[n + 1];
            var capacity = graph.IsDirected ? 2L * graph.Offsets[n] : graph.Offsets[n];
            var targets = new int[capacity];
            var weights = new double[capacity];
            var used = 0;
            for (var v = 0; v < n; v++)
            {
                var outRow = graph.Neighbors(v);
                var outWeights = useWeights ? graph.Weights(v) : [];
                var inRow = graph.IsDirected ? graph.InNeighbors(v) : [];
                var inWeights = useWeights && graph.IsDirected ? graph.InWeights(v) : [];
                // Both rows are sorted: merge them, adding the weights of equal neighbours.
                int i = 0, j = 0;
                while (i < outRow.Length || j < inRow.Length)
                {
                    int u;
                    double w;
                    if (j >= inRow.Length || (i < outRow.Length && outRow[i] <= inRow[j]))
                    {
                        u = outRow[i];
                        w = outWeights.IsEmpty ? 1.0 : outWeights[i];
                        i++;
                    }
                    else
                    {
                        u = inRow[j];
                        w = inWeights.IsEmpty ? 1.0 : inWeights[j];
                        j++;
                    }
                    if (u == v)
                    {
                        continue;
                    }
                    if (used > offsets[v] && targets[used - 1] == u)
                    {
                        weights[used - 1] += w;
                    }
                    else
                    {
                        targets[used] = u;
                        weights[used++] = w;
                    }
                }
                offsets[v + 1] = used;
            }
            return new MutualWeights(offsets, targets, weights);
        }
    }
}
