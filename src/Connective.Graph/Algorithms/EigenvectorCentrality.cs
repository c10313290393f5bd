using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>The eigenvector centrality scores and how the iteration ended.</summary>
/// <param name="Scores">One non-negative score per node, scaled to unit Euclidean (L2) norm.</param>
/// <param name="Iterations">The number of power-iteration steps taken.</param>
/// <param name="Converged">True when the change fell below the tolerance before the iteration limit.</param>
public sealed record EigenvectorCentralityResult(double[] Scores, int Iterations, bool Converged);

/// <summary>Eigenvector centrality: the principal eigenvector of the adjacency matrix (in-edges when directed, as NetworkX and igraph).</summary>
public static class EigenvectorCentrality
{
    /// <summary>
    /// Power iteration on A + I (the shift keeps bipartite graphs from oscillating without changing the eigenvector),
    /// parallel with a fixed reduction order, until the L1 change of the unit-norm vector is below <paramref name="tolerance"/>.
    /// Weights are used when present; an undirected self-loop counts 2 on the diagonal, as in igraph's adjacency matrix.
    /// </summary>
    public static EigenvectorCentralityResult Compute(Graph graph, double tolerance = 1e-12, int maxIterations = 100_000)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new EigenvectorCentralityResult([], 0, true);
        }
        var inOffsets = graph.InOffsets;
        var inTargets = graph.InTargets;
        var inWeights = graph.InEdgeWeights;
        var loopExtra = !graph.IsDirected && graph.HasSelfLoops;
        var x = new double[n];
        Array.Fill(x, 1.0 / Math.Sqrt(n));
        var y = new double[n];
        const int ChunkSize = 2048;
        var chunks = (n + ChunkSize - 1) / ChunkSize;
        var partial = new double[chunks];
        var work = inOffsets[n] + (long)n;
        var iteration = 0;
        var change = double.PositiveInfinity;
        while (iteration < maxIterations && change >= tolerance)
        {
            iteration++;
            ParallelWork.ForRanges(chunks, work, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (firstChunk, endChunk) =>
            {
                for (var chunk = firstChunk; chunk < endChunk; chunk++)
                {
                    var end = Math.Min(n, (chunk + 1) * ChunkSize);
                    var squares = 0.0;
                    for (var v = chunk * ChunkSize; v < end; v++)
                    {
                        var sum = x[v];
                        for (var e = inOffsets[v]; e < inOffsets[v + 1]; e++)
                        {
                            var u = inTargets[e];
                            var w = inWeights is null ? 1.0 : inWeights[e];
                            sum += x[u] * (loopExtra && u == v ? 2 * w : w);
                        }
                        y[v] = sum;
                        squares += sum * sum;
                    }
                    partial[chunk] = squares;
                }
            });
            var norm = 0.0;
            foreach (var p in partial)
            {
                norm += p;
            }
            norm = Math.Sqrt(norm);
            if (norm == 0)
            {
                break;
            }
            ParallelWork.ForRanges(chunks, n, (firstChunk, endChunk) =>
            {
                for (var chunk = firstChunk; chunk < endChunk; chunk++)
                {
                    var end = Math.Min(n, (chunk + 1) * ChunkSize);
                    var diff = 0.0;
                    for (var v = chunk * ChunkSize; v < end; v++)
                    {
                        y[v] /= norm;
                        diff += Math.Abs(y[v] - x[v]);
                    }
                    partial[chunk] = diff;
                }
            });
            change = 0;
            foreach (var p in partial)
            {
                change += p;
            }
            (x, y) = (y, x);
        }
        return new EigenvectorCentralityResult(x, iteration, change < tolerance);
    }
}
