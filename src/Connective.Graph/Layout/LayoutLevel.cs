using Connective.Graph.Generators;

namespace Connective.Graph.Layout;

/// <summary>
/// The graph as the layout sees it: undirected rows (an arc in both its ends' rows), each entry's attraction weight, each
/// node's mass, and which nodes lie outside the heaviest connected component. The input graph is level 0; coarser levels
/// (<see cref="Coarsen"/>) merge matched pairs of neighbours, adding their masses and the weights of their edges.
/// </summary>
internal sealed class LayoutLevel
{
    private LayoutLevel(int[] offsets, int[] targets, double[]? weights, double[] mass)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        Mass = mass;
        (OutsideMass, Largest) = FindLargestComponent();
    }

    public int NodeCount => Mass.Length;

    public int[] Offsets { get; }

    public int[] Targets { get; }

    /// <summary>Attraction weight per entry (w^δ); null when every edge weighs 1.</summary>
    public double[]? Weights { get; }

    /// <summary>ForceAtlas2's mass: degree + 1 on the input graph (self-loops not counted); the sum of the merged nodes' masses above it.</summary>
    public double[] Mass { get; }

    /// <summary>Per node: the mass of the rest of the graph when the node is outside the heaviest component, else 0. Null when the level is connected.</summary>
    public double[]? OutsideMass { get; }

    /// <summary>The nodes of the heaviest component (empty when the level is connected).</summary>
    public int[] Largest { get; }

    /// <summary>The layout's view of <paramref name="graph"/>, after checking its weights.</summary>
    /// <exception cref="ArgumentException">When a weight that is used is negative or not finite.</exception>
    public static LayoutLevel FromGraph(CsrGraph graph, double edgeWeightInfluence)
    {
        var n = graph.NodeCount;
        var useWeights = graph.IsWeighted && edgeWeightInfluence != 0;
        int[] offsets, targets;
        double[]? weights = null;
        if (!graph.IsDirected)
        {
            offsets = graph.Offsets;
            targets = graph.Targets;
            weights = useWeights ? EffectiveWeights(graph, offsets, targets, graph.EdgeWeights!, edgeWeightInfluence) : null;
        }
        else
        {
            // Each node's out-row followed by its in-row: an arc pulls both its ends, as an undirected edge does.
            var outWeights = useWeights ? EffectiveWeights(graph, graph.Offsets, graph.Targets, graph.EdgeWeights!, edgeWeightInfluence) : null;
            var inWeights = useWeights ? EffectiveWeights(graph, graph.InOffsets, graph.InTargets, graph.InEdgeWeights!, edgeWeightInfluence) : null;
            offsets = new int[n + 1];
            targets = new int[graph.Offsets[n] + graph.InOffsets[n]];
            weights = useWeights ? new double[targets.Length] : null;
            var k = 0;
            for (var u = 0; u < n; u++)
            {
                for (var e = graph.Offsets[u]; e < graph.Offsets[u + 1]; e++, k++)
                {
                    targets[k] = graph.Targets[e];
                    if (weights is not null)
                    {
                        weights[k] = outWeights![e];
                    }
                }
                for (var e = graph.InOffsets[u]; e < graph.InOffsets[u + 1]; e++, k++)
                {
                    targets[k] = graph.InTargets[e];
                    if (weights is not null)
                    {
                        weights[k] = inWeights![e];
                    }
                }
                offsets[u + 1] = k;
            }
        }
        var mass = new double[n];
        for (var u = 0; u < n; u++)
        {
            var ends = 0;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                ends += targets[e] != u ? 1 : 0;
            }
            mass[u] = 1 + ends;
        }
        return new LayoutLevel(offsets, targets, weights, mass);
    }

    /// <summary>
    /// A coarser level: nodes visited in a seeded random order, each unmatched node merged with its unmatched neighbour of
    /// least mass (so merged masses stay even, as in Walshaw's multilevel scheme), unmatched nodes kept alone.
    /// <paramref name="parent"/> maps every node of this level to its node in the coarser one.
    /// </summary>
    public LayoutLevel Coarsen(SeededRandom random, out int[] parent)
    {
        var n = NodeCount;
        var order = new int[n];
        for (var u = 0; u < n; u++)
        {
            order[u] = u;
        }
        random.Shuffle(order.AsSpan());
        parent = new int[n];
        Array.Fill(parent, -1);
        var members = new List<(int First, int Second)>();
        foreach (var u in order)
        {
            if (parent[u] >= 0)
            {
                continue;
            }
            var partner = -1;
            for (var e = Offsets[u]; e < Offsets[u + 1]; e++)
            {
                var v = Targets[e];
                if (v != u && parent[v] < 0 && (partner < 0 || Mass[v] < Mass[partner]))
                {
                    partner = v;
                }
            }
            parent[u] = members.Count;
            if (partner >= 0)
            {
                parent[partner] = members.Count;
            }
            members.Add((u, partner));
        }
        var coarseCount = members.Count;
        var mass = new double[coarseCount];
        var offsets = new int[coarseCount + 1];
        var targets = new List<int>(Targets.Length / 2);
        var weights = new List<double>(Targets.Length / 2);
        // slot[c] = where coarse neighbour c sits in the row being built (valid while rowOf[c] is the current row).
        var slot = new int[coarseCount];
        var rowOf = new int[coarseCount];
        Array.Fill(rowOf, -1);
        for (var c = 0; c < coarseCount; c++)
        {
            var (first, second) = members[c];
            mass[c] = Mass[first] + (second >= 0 ? Mass[second] : 0);
            AddRow(c, first, parent, targets, weights, slot, rowOf);
            if (second >= 0)
            {
                AddRow(c, second, parent, targets, weights, slot, rowOf);
            }
            offsets[c + 1] = targets.Count;
        }
        return new LayoutLevel(offsets, [.. targets], [.. weights], mass);
    }

    private void AddRow(int row, int u, int[] parent, List<int> targets, List<double> weights, int[] slot, int[] rowOf)
    {
        for (var e = Offsets[u]; e < Offsets[u + 1]; e++)
        {
            var c = parent[Targets[e]];
            if (c == row)
            {
                continue; // an edge inside the merged pair (or a self-loop) pulls nothing at this level
            }
            var w = Weights is null ? 1 : Weights[e];
            if (rowOf[c] == row)
            {
                weights[slot[c]] += w;
            }
            else
            {
                rowOf[c] = row;
                slot[c] = targets.Count;
                targets.Add(c);
                weights.Add(w);
            }
        }
    }

    private (double[]? OutsideMass, int[] Largest) FindLargestComponent()
    {
        var n = NodeCount;
        // Union–find, the smaller root kept, so the numbering depends on the rows alone.
        var root = new int[n];
        for (var u = 0; u < n; u++)
        {
            root[u] = u;
        }
        for (var u = 0; u < n; u++)
        {
            for (var e = Offsets[u]; e < Offsets[u + 1]; e++)
            {
                var a = Find(root, u);
                var b = Find(root, Targets[e]);
                if (a != b)
                {
                    root[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }
        var componentMass = new double[n];
        var total = 0.0;
        var components = 0;
        for (var u = 0; u < n; u++)
        {
            var r = Find(root, u);
            components += r == u ? 1 : 0;
            componentMass[r] += Mass[u];
            total += Mass[u];
        }
        if (components < 2)
        {
            return (null, []);
        }
        // The heaviest component; on a tie the one with the smallest node, so the choice depends on the graph alone.
        var largest = 0;
        for (var u = 1; u < n; u++)
        {
            largest = componentMass[u] > componentMass[largest] ? u : largest;
        }
        var outsideMass = new double[n];
        var inside = new List<int>();
        for (var u = 0; u < n; u++)
        {
            var r = Find(root, u);
            if (r == largest)
            {
                inside.Add(u);
            }
            else
            {
                outsideMass[u] = total - componentMass[r];
            }
        }
        return (outsideMass, [.. inside]);
    }

    private static int Find(int[] root, int u)
    {
        while (root[u] != u)
        {
            root[u] = root[root[u]];
            u = root[u];
        }
        return u;
    }

    /// <summary>w^δ per adjacency entry, after checking every weight is finite and not negative.</summary>
    private static double[] EffectiveWeights(CsrGraph graph, int[] offsets, int[] targets, double[] weights, double influence)
    {
        var effective = new double[weights.Length];
        for (var u = 0; u < graph.NodeCount; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var w = weights[e];
                if (!double.IsFinite(w) || w < 0)
                {
                    throw new ArgumentException(
                        $"The edge between nodes {graph.Labels[u]} and {graph.Labels[targets[e]]} has weight {w}; a layout needs finite weights of 0 or more.",
                        nameof(graph));
                }
                effective[e] = influence == 1 ? w : Math.Pow(w, influence);
            }
        }
        return effective;
    }
}
