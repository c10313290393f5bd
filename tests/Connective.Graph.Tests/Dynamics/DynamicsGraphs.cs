using Connective.Graph.Generators;

namespace Connective.Graph.Tests.Dynamics;

/// <summary>Random graphs and the percolation theory of SIR final sizes, for the spread tests.</summary>
internal static class DynamicsGraphs
{
    /// <summary>
    /// An erased configuration model: each node gets its degree from <paramref name="degreeOf"/>, stubs are matched uniformly at
    /// random, and self-loops and repeated pairs are dropped (the theory below uses the degrees the graph ends up with).
    /// </summary>
    public static CsrGraph ConfigurationModel(int nodeCount, Func<int, int> degreeOf, ulong seed)
    {
        var stubs = new List<int>();
        for (var v = 0; v < nodeCount; v++)
        {
            for (var i = 0; i < degreeOf(v); i++)
            {
                stubs.Add(v);
            }
        }
        if (stubs.Count % 2 == 1)
        {
            stubs.RemoveAt(stubs.Count - 1);
        }
        var array = stubs.ToArray();
        new SeededRandom(seed).Shuffle(array.AsSpan());
        var builder = new GraphBuilder(directed: false) { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        builder.DeclareNodes(nodeCount);
        for (var i = 0; i + 1 < array.Length; i += 2)
        {
            builder.AddEdge(array[i], array[i + 1]);
        }
        return builder.Build();
    }

    /// <summary>
    /// The large-population SIR final size (fraction of nodes ever infected in a major outbreak) on a configuration-model
    /// graph with this graph's degree distribution, when each edge transmits with probability T (bond percolation; Newman
    /// 2002, Miller 2007): u = 1 − T + T·G1(u), size = 1 − G0(u), with G0 the degree distribution's generating function and
    /// G1 = G0′ / G0′(1).
    /// </summary>
    public static double PercolationFinalSize(CsrGraph graph, double transmissibility)
    {
        var n = graph.NodeCount;
        var counts = new Dictionary<int, int>();
        long degreeSum = 0;
        for (var v = 0; v < n; v++)
        {
            var k = graph.Degree(v);
            counts[k] = counts.GetValueOrDefault(k) + 1;
            degreeSum += k;
        }
        var mean = (double)degreeSum / n;
        double G0(double x) => counts.Sum(p => p.Value / (double)n * Math.Pow(x, p.Key));
        double G1(double x) => counts.Where(p => p.Key > 0).Sum(p => p.Value / (double)n * p.Key * Math.Pow(x, p.Key - 1)) / mean;
        // Fixed-point iteration from 0 converges monotonically to the smallest root in [0, 1], the physical one.
        var u = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var next = 1 - transmissibility + (transmissibility * G1(u));
            if (Math.Abs(next - u) < 1e-15)
            {
                u = next;
                break;
            }
            u = next;
        }
        return 1 - G0(u);
    }

    /// <summary>
    /// The transmissibility of discrete-time SIR: per step a transmission with probability τ, then recovery with probability g,
    /// so the infectious period K is geometric on 1, 2, … and T = 1 − E[(1 − τ)^K] = 1 − g(1 − τ) / (1 − (1 − g)(1 − τ)).
    /// </summary>
    public static double DiscreteTransmissibility(double tau, double g) => 1 - (g * (1 - tau) / (1 - ((1 - g) * (1 - tau))));
}
