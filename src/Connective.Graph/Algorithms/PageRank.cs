using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>Settings for <see cref="PageRank"/>.</summary>
/// <param name="Damping">The probability of following an edge rather than jumping (0.85 by default).</param>
/// <param name="Tolerance">Iteration stops when the L1 norm of the change in one step falls below this (1e-10 by default).</param>
/// <param name="MaxIterations">A safety limit on the number of steps.</param>
/// <param name="Personalization">
/// Optional non-negative weights per node for the jump (and for dangling nodes' rank), normalised to sum 1;
/// null for the uniform distribution.
/// </param>
public sealed record PageRankOptions(double Damping = 0.85, double Tolerance = 1e-10, int MaxIterations = 10_000, double[]? Personalization = null);

/// <summary>The PageRank scores and how the iteration ended.</summary>
/// <param name="Scores">One score per node; they sum to 1.</param>
/// <param name="Iterations">The number of steps taken.</param>
/// <param name="Residual">The L1 norm of the change in the last step.</param>
public sealed record PageRankResult(double[] Scores, int Iterations, double Residual)
{
    /// <summary>True when the residual fell below the tolerance before the iteration limit.</summary>
    public bool Converged { get; init; }
}

/// <summary>
/// PageRank with the conventions of igraph's PRPACK solver: arcs followed forwards (both ways when undirected), weights
/// as transition strengths, an undirected self-loop counted at both ends, and the rank of dangling nodes (no out-edges)
/// redistributed by the personalisation vector (uniformly without one).
/// </summary>
public static class PageRank
{
    /// <summary>Computes PageRank by power iteration in pull form over in-edges, in parallel with a fixed reduction order.</summary>
    /// <exception cref="ArgumentException">When the options are out of range or the personalisation vector is malformed.</exception>
    public static PageRankResult Compute(Graph graph, PageRankOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new PageRankOptions();
        var n = graph.NodeCount;
        if (options.Damping is < 0 or >= 1 || double.IsNaN(options.Damping))
        {
            throw new ArgumentException("Damping must lie in [0, 1).", nameof(options));
        }
        if (n == 0)
        {
            return new PageRankResult([], 0, 0) { Converged = true };
        }
        var jump = JumpDistribution(options.Personalization, n);
        var (inverseOut, loopWeight) = OutStrengths(graph);
        var inOffsets = graph.InOffsets;
        var inTargets = graph.InTargets;
        var inWeights = graph.InEdgeWeights;
        var d = options.Damping;
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        // share[u] = rank[u] / out-strength(u): what u sends along each unit of edge weight. Shares are double-buffered
        // so one pass both reads the old shares and writes the new ones; rank[v] is only touched by v's own update.
        var share = new double[n];
        var nextShare = new double[n];
        const int ChunkSize = 2048;
        var chunks = (n + ChunkSize - 1) / ChunkSize;
        var chunkResidual = new double[chunks];
        var chunkDangling = new double[chunks];
        var dangling = 0.0;
        for (var u = 0; u < n; u++)
        {
            share[u] = rank[u] * inverseOut[u];
            dangling += inverseOut[u] == 0 ? rank[u] : 0;
        }
        var residual = double.PositiveInfinity;
        var iteration = 0;
        while (iteration < options.MaxIterations && residual >= options.Tolerance)
        {
            iteration++;
            var jumpScale = (d * dangling) + (1 - d);
            var reads = share;
            var writes = nextShare;
            ParallelWork.ForRanges(chunks, inOffsets[n] + (long)n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (firstChunk, endChunk) =>
            {
                for (var chunk = firstChunk; chunk < endChunk; chunk++)
                {
                    var end = Math.Min(n, (chunk + 1) * ChunkSize);
                    var localResidual = 0.0;
                    var localDangling = 0.0;
                    for (var v = chunk * ChunkSize; v < end; v++)
                    {
                        var sum = 0.0;
                        var first = inOffsets[v];
                        var last = inOffsets[v + 1];
                        if (inWeights is null)
                        {
                            for (var e = first; e < last; e++)
                            {
                                sum += reads[inTargets[e]];
                            }
                        }
                        else
                        {
                            for (var e = first; e < last; e++)
                            {
                                sum += reads[inTargets[e]] * inWeights[e];
                            }
                        }
                        if (loopWeight is not null)
                        {
                            sum += reads[v] * loopWeight[v];
                        }
                        var value = (d * sum) + (jumpScale * (jump is null ? 1.0 / n : jump[v]));
                        localResidual += Math.Abs(value - rank[v]);
                        rank[v] = value;
                        writes[v] = value * inverseOut[v];
                        if (inverseOut[v] == 0)
                        {
                            localDangling += value;
                        }
                    }
                    chunkResidual[chunk] = localResidual;
                    chunkDangling[chunk] = localDangling;
                }
            });
            residual = 0;
            dangling = 0;
            for (var c = 0; c < chunks; c++)
            {
                residual += chunkResidual[c];
                dangling += chunkDangling[c];
            }
            (share, nextShare) = (nextShare, share);
        }
        return new PageRankResult(rank, iteration, residual) { Converged = residual < options.Tolerance };
    }

    private static double[]? JumpDistribution(double[]? personalization, int n)
    {
        if (personalization is null)
        {
            return null;
        }
        if (personalization.Length != n)
        {
            throw new ArgumentException($"The personalisation vector has {personalization.Length} entries but the graph has {n} nodes.", nameof(personalization));
        }
        var sum = 0.0;
        foreach (var p in personalization)
        {
            if (p < 0 || !double.IsFinite(p))
            {
                throw new ArgumentException("Personalisation weights must be finite and non-negative.", nameof(personalization));
            }
            sum += p;
        }
        if (sum <= 0)
        {
            throw new ArgumentException("Personalisation weights must not all be zero.", nameof(personalization));
        }
        var jump = new double[n];
        for (var i = 0; i < n; i++)
        {
            jump[i] = personalization[i] / sum;
        }
        return jump;
    }

    /// <summary>1 / out-strength per node (0 for dangling nodes), and the extra weight of undirected self-loops' second end.</summary>
    private static (double[] InverseOut, double[]? LoopWeight) OutStrengths(Graph graph)
    {
        var n = graph.NodeCount;
        var inverse = new double[n];
        double[]? loops = !graph.IsDirected && graph.HasSelfLoops ? new double[n] : null;
        for (var u = 0; u < n; u++)
        {
            var row = graph.Neighbors(u);
            var weights = graph.Weights(u);
            var strength = 0.0;
            for (var e = 0; e < row.Length; e++)
            {
                var w = weights.IsEmpty ? 1.0 : weights[e];
                strength += w;
                if (loops is not null && row[e] == u)
                {
                    // An undirected self-loop has two ends at u (igraph counts it twice in the degree and in PRPACK).
                    strength += w;
                    loops[u] += w;
                }
            }
            inverse[u] = strength > 0 ? 1.0 / strength : 0.0;
        }
        return (inverse, loops);
    }
}
