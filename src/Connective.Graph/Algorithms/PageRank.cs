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
    /// <summary>
    /// Computes PageRank in pull form over in-edges until the L1 change of one sweep falls below the tolerance: Gauss–Seidel
    /// sweeps on graphs small enough to run on one thread (each node reads its in-neighbours' newest values, which
    /// roughly halves the sweeps, as PRPACK does), parallel Jacobi sweeps with a fixed reduction order on larger ones.
    /// The choice depends only on the graph's size, so a graph's scores are the same on any number of cores.
    /// </summary>
    /// <exception cref="ArgumentException">When the options are out of range or the personalisation vector is malformed.</exception>
    public static PageRankResult Compute(CsrGraph graph, PageRankOptions? options = null)
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
        var (inverseOut, loopWeight) = OutStrengths(graph);
        var walk = new Walk(graph.InOffsets, graph.InTargets, graph.InEdgeWeights, inverseOut, loopWeight,
            JumpDistribution(options.Personalization, n), options.Damping);
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        // share[u] = rank[u] / out-strength(u): what u sends along each unit of edge weight.
        var share = new double[n];
        var dangling = 0.0;
        for (var u = 0; u < n; u++)
        {
            share[u] = rank[u] * inverseOut[u];
            dangling += inverseOut[u] == 0 ? rank[u] : 0;
        }
        var work = graph.InOffsets[n] + (long)n;
        var (iterations, residual) = work < ParallelWork.SequentialWork
            ? GaussSeidel(walk, rank, share, dangling, options)
            : Jacobi(walk, rank, share, dangling, options);
        // The fixed point sums to 1; the stopped iterate is off by about the tolerance, so rescale as PRPACK does.
        var total = 0.0;
        foreach (var r in rank)
        {
            total += r;
        }
        for (var v = 0; v < n; v++)
        {
            rank[v] /= total;
        }
        return new PageRankResult(rank, iterations, residual) { Converged = residual < options.Tolerance };
    }

    /// <summary>The walk's transition data: in-adjacency, 1 / out-strength, undirected self-loops' second ends, the jump.</summary>
    private sealed record Walk(int[] InOffsets, int[] InTargets, double[]? InWeights, double[] InverseOut, double[]? LoopWeight, double[]? Jump, double Damping);

    /// <summary>In-place sweeps on one thread, in ascending in-degree order: rank, share and the dangling mass always hold the newest values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Iterations, double Residual) GaussSeidel(Walk walk, double[] rank, double[] share, double dangling, PageRankOptions options)
    {
        var n = rank.Length;
        var inOffsets = walk.InOffsets;
        var inTargets = walk.InTargets;
        var inWeights = walk.InWeights;
        var inverseOut = walk.InverseOut;
        var loopWeight = walk.LoopWeight;
        var jump = walk.Jump;
        var d = walk.Damping;
        var uniform = 1.0 / n;
        var order = ByInDegree(inOffsets);
        var change = new double[n];
        var steady = new SteadyRate();
        var residual = double.PositiveInfinity;
        var iteration = 0;
        while (iteration < options.MaxIterations && residual >= options.Tolerance)
        {
            iteration++;
            if (steady.Extrapolation(iteration, residual) is { } factor)
            {
                dangling = Extrapolate(rank, share, change, inverseOut, factor, 0, n);
            }
            residual = 0;
            foreach (var v in order)
            {
                var sum = inWeights is null
                    ? PullSum(inTargets, inOffsets[v], inOffsets[v + 1], share)
                    : PullWeightedSum(inTargets, inWeights, inOffsets[v], inOffsets[v + 1], share);
                if (loopWeight is not null)
                {
                    sum += share[v] * loopWeight[v];
                }
                var jumpScale = (d * dangling) + (1 - d);
                var value = (d * sum) + (jumpScale * (jump is null ? uniform : jump[v]));
                var step = value - rank[v];
                residual += Math.Abs(step);
                change[v] = step;
                rank[v] = value;
                share[v] = value * inverseOut[v];
                if (inverseOut[v] == 0)
                {
                    dangling += step;
                }
            }
        }
        return (iteration, residual);
    }

    /// <summary>
    /// Decides when to extrapolate. Once the L1 change of a sweep shrinks by a steady factor ρ, the error left is about
    /// the last change times ρ/(1−ρ) (the tail of a geometric series), so every few sweeps the iterate jumps there: on
    /// as-22july06 this halves the sweeps. The stopping rule is untouched: the iteration ends only when one plain sweep
    /// changes the vector by less than the tolerance, which bounds the error whatever point the sweep started from.
    /// </summary>
    private sealed class SteadyRate
    {
        /// <summary>Sweeps between extrapolations: a plain sweep or more in between lets the rate settle again.</summary>
        private const int Every = 5;

        /// <summary>How much two consecutive rates may differ for the decay to count as steady.</summary>
        private const double Agreement = 0.02;

        private double _last = double.PositiveInfinity;
        private double _rate = double.NaN;
        private double _beforeJump = double.NaN;
        private bool _off;

        /// <summary>Called before sweep <paramref name="iteration"/> with the previous sweep's change; the factor ρ/(1−ρ) when it is time to extrapolate.</summary>
        public double? Extrapolation(int iteration, double residual)
        {
            // A safety net: if the sweep after a jump changed the vector more than the sweep before it, the change was
            // not the slow mode the jump assumed; plain sweeps from then on (they converge from any point).
            if (!double.IsNaN(_beforeJump))
            {
                _off |= residual > _beforeJump;
                _beforeJump = double.NaN;
            }
            var rate = residual / _last;
            var previousRate = _rate;
            _last = residual;
            _rate = rate;
            var steady = rate < 1 && Math.Abs(rate - previousRate) < Agreement;
            if (_off || iteration % Every != 0 || !steady)
            {
                return null;
            }
            _beforeJump = residual;
            return rate / (1 - rate);
        }
    }

    /// <summary>
    /// Moves nodes [<paramref name="start"/>, <paramref name="end"/>) by <paramref name="factor"/> times their last
    /// change and refreshes their shares; returns the dangling nodes' rank among them.
    /// </summary>
    private static double Extrapolate(double[] rank, double[] share, double[] change, double[] inverseOut, double factor, int start, int end)
    {
        var dangling = 0.0;
        for (var v = start; v < end; v++)
        {
            rank[v] += factor * change[v];
            share[v] = rank[v] * inverseOut[v];
            dangling += inverseOut[v] == 0 ? rank[v] : 0;
        }
        return dangling;
    }

    /// <summary>
    /// Nodes by ascending in-degree (stable counting sort): the sweep order of Gauss–Seidel. Runs of nodes with the same
    /// number of in-edges keep the inner loop's trip count predictable, which on skewed graphs (many leaves, a few hubs)
    /// saves about a third of a sweep's time against node-id order, for the same number of sweeps.
    /// </summary>
    private static int[] ByInDegree(int[] inOffsets)
    {
        var n = inOffsets.Length - 1;
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            maxDegree = Math.Max(maxDegree, inOffsets[v + 1] - inOffsets[v]);
        }
        var start = new int[maxDegree + 2];
        for (var v = 0; v < n; v++)
        {
            start[inOffsets[v + 1] - inOffsets[v] + 1]++;
        }
        for (var k = 1; k < start.Length; k++)
        {
            start[k] += start[k - 1];
        }
        var order = new int[n];
        for (var v = 0; v < n; v++)
        {
            order[start[inOffsets[v + 1] - inOffsets[v]]++] = v;
        }
        return order;
    }

    /// <summary>Double-buffered sweeps in parallel; each chunk of nodes sums its own residual and dangling mass, added in chunk order.</summary>
    private static (int Iterations, double Residual) Jacobi(Walk walk, double[] rank, double[] share, double dangling, PageRankOptions options)
    {
        var n = rank.Length;
        var nextShare = new double[n];
        const int ChunkSize = 2048;
        var chunks = (n + ChunkSize - 1) / ChunkSize;
        var chunkResidual = new double[chunks];
        var chunkDangling = new double[chunks];
        var work = walk.InOffsets[n] + (long)n;
        var residual = double.PositiveInfinity;
        var iteration = 0;
        while (iteration < options.MaxIterations && residual >= options.Tolerance)
        {
            iteration++;
            var jumpScale = (walk.Damping * dangling) + (1 - walk.Damping);
            var reads = share;
            var writes = nextShare;
            ParallelWork.ForRanges(chunks, work, (firstChunk, endChunk) =>
            {
                for (var chunk = firstChunk; chunk < endChunk; chunk++)
                {
                    (chunkResidual[chunk], chunkDangling[chunk]) =
                        JacobiChunk(walk, chunk * ChunkSize, Math.Min(n, (chunk + 1) * ChunkSize), jumpScale, reads, writes, rank);
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
        return (iteration, residual);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Residual, double Dangling) JacobiChunk(Walk walk, int start, int end, double jumpScale, double[] reads, double[] writes, double[] rank)
    {
        var inOffsets = walk.InOffsets;
        var inTargets = walk.InTargets;
        var inWeights = walk.InWeights;
        var inverseOut = walk.InverseOut;
        var loopWeight = walk.LoopWeight;
        var jump = walk.Jump;
        var d = walk.Damping;
        var uniform = jumpScale / rank.Length;
        var residual = 0.0;
        var dangling = 0.0;
        for (var v = start; v < end; v++)
        {
            var sum = inWeights is null
                ? PullSum(inTargets, inOffsets[v], inOffsets[v + 1], reads)
                : PullWeightedSum(inTargets, inWeights, inOffsets[v], inOffsets[v + 1], reads);
            if (loopWeight is not null)
            {
                sum += reads[v] * loopWeight[v];
            }
            var value = (d * sum) + (jump is null ? uniform : jumpScale * jump[v]);
            residual += Math.Abs(value - rank[v]);
            rank[v] = value;
            writes[v] = value * inverseOut[v];
            if (inverseOut[v] == 0)
            {
                dangling += value;
            }
        }
        return (residual, dangling);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PullSum(int[] inTargets, int first, int last, double[] share)
    {
        // Four running sums, added in a fixed order: one chain of dependent additions would wait on each add's latency.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var e = first;
        for (; e + 3 < last; e += 4)
        {
            s0 += share[inTargets[e]];
            s1 += share[inTargets[e + 1]];
            s2 += share[inTargets[e + 2]];
            s3 += share[inTargets[e + 3]];
        }
        for (; e < last; e++)
        {
            s0 += share[inTargets[e]];
        }
        return (s0 + s1) + (s2 + s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PullWeightedSum(int[] inTargets, double[] inWeights, int first, int last, double[] share)
    {
        var sum = 0.0;
        var weights = inWeights.AsSpan(first, last - first);
        var sources = inTargets.AsSpan(first, last - first);
        for (var e = 0; e < sources.Length; e++)
        {
            sum += share[sources[e]] * weights[e];
        }
        return sum;
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
    private static (double[] InverseOut, double[]? LoopWeight) OutStrengths(CsrGraph graph)
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
