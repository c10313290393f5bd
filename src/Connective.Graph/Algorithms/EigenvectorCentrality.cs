using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Connective.Graph.Algorithms;

/// <summary>The eigenvector centrality scores and how the iteration ended.</summary>
/// <param name="Scores">One non-negative score per node, scaled to unit Euclidean (L2) norm.</param>
/// <param name="Iterations">The number of matrix–vector products taken (Lanczos steps on undirected graphs, power-iteration steps on directed ones).</param>
/// <param name="Converged">True when the stopping test (residual or change below the tolerance) passed before the limit.</param>
public sealed record EigenvectorCentralityResult(double[] Scores, int Iterations, bool Converged);

/// <summary>Eigenvector centrality: the principal eigenvector of the adjacency matrix (in-edges when directed, as NetworkX and igraph).</summary>
public static class EigenvectorCentrality
{
    /// <summary>Lanczos steps per restart: 16 vectors of n values, a few more products per cycle than needed on easy graphs.</summary>
    private const int KrylovSize = 16;

    /// <summary>
    /// Undirected graphs: restarted Lanczos on the adjacency matrix until the residual ‖Ax − λx‖₂ of the unit vector x
    /// is at most <paramref name="tolerance"/>·λ (λ = xᵀAx). Directed graphs: power iteration on A + I over in-edges
    /// until the L1 change of the unit-norm vector is below <paramref name="tolerance"/>. Both parallel with a fixed
    /// reduction order. Weights are used when present; an undirected self-loop counts 2 on the diagonal, as in
    /// igraph's adjacency matrix. <paramref name="maxIterations"/> limits the matrix–vector products.
    /// </summary>
    public static EigenvectorCentralityResult Compute(CsrGraph graph, double tolerance = 1e-12, int maxIterations = 100_000)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new EigenvectorCentralityResult([], 0, true);
        }
        return graph.IsDirected ? PowerIteration(graph, tolerance, maxIterations) : Lanczos(graph, tolerance, maxIterations);
    }

    /// <summary>
    /// Power iteration on A + I (the shift keeps bipartite graphs from oscillating without changing the eigenvector),
    /// until the L1 change of the unit-norm vector is below <paramref name="tolerance"/>.
    /// </summary>
    private static EigenvectorCentralityResult PowerIteration(CsrGraph graph, double tolerance, int maxIterations)
    {
        var n = graph.NodeCount;
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

    /// <summary>
    /// Restarted Lanczos on the symmetric adjacency matrix: up to <see cref="KrylovSize"/> steps with full
    /// reorthogonalisation build a small tridiagonal matrix whose top eigenvector gives the next estimate (the Ritz
    /// vector), and the run restarts from it. Convergence depends on the square root of the relative eigenvalue gap
    /// instead of the gap itself, which on graphs with communities (two nearly equal top eigenvalues) means tens of
    /// products instead of thousands. The stopping test is on the vector returned: the first product of every cycle
    /// gives its residual ‖Ax − θx‖₂ with θ = xᵀAx, and the run ends when that is at most tolerance·θ.
    /// </summary>
    private static EigenvectorCentralityResult Lanczos(CsrGraph graph, double tolerance, int maxProducts)
    {
        var n = graph.NodeCount;
        var steps = Math.Min(KrylovSize, n);
        var vectors = new ChunkedVectors(n, graph.Offsets[n] + (long)n);
        var basis = new double[steps + 1][];
        basis[0] = new double[n];
        Array.Fill(basis[0], 1.0 / Math.Sqrt(n));
        var alpha = new double[steps];
        var beta = new double[steps];
        var coefficients = new double[steps + 1];
        var products = 0;
        while (true)
        {
            var size = 0;
            for (var j = 0; j < steps; j++)
            {
                var w = basis[j + 1] ??= new double[n];
                vectors.MultiplyByAdjacency(graph, basis[j], w);
                products++;
                // Classical Gram–Schmidt twice against every basis vector: Lanczos' three-term recurrence alone loses
                // orthogonality as soon as the top eigenvector starts to converge.
                vectors.Orthogonalise(basis, j + 1, w, coefficients);
                alpha[j] = coefficients[j];
                vectors.Orthogonalise(basis, j + 1, w, coefficients);
                alpha[j] += coefficients[j];
                beta[j] = Math.Sqrt(vectors.Dot(w, w));
                size = j + 1;
                if (j == 0)
                {
                    // basis[0] is the current estimate: beta[0] = ‖Ax − θx‖ and alpha[0] = θ.
                    if (beta[0] <= tolerance * Math.Abs(alpha[0]))
                    {
                        return new EigenvectorCentralityResult(Positive(basis[0]), products, true);
                    }
                    if (products >= maxProducts)
                    {
                        return new EigenvectorCentralityResult(Positive(basis[0]), products, false);
                    }
                }
                // An invariant subspace: the Ritz vector of this cycle is exact (to rounding).
                if (beta[j] <= 1e-14 * (Math.Abs(alpha[j]) + (j > 0 ? beta[j - 1] : 0)))
                {
                    break;
                }
                vectors.Scale(w, 1 / beta[j]);
            }
            var ritz = TopEigenvector(alpha, beta, size);
            var next = basis[steps] ??= new double[n];
            vectors.Combine(basis, ritz, size, next);
            vectors.Scale(next, 1 / Math.Sqrt(vectors.Dot(next, next)));
            (basis[0], basis[steps]) = (next, basis[0]);
        }
    }

    /// <summary>The vector with the sign that makes it sum positive, rounding residue below zero set to zero.</summary>
    private static double[] Positive(double[] x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value;
        }
        var sign = sum < 0 ? -1.0 : 1.0;
        var scores = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            scores[i] = Math.Max(0, sign * x[i]);
        }
        return scores;
    }

    /// <summary>
    /// The eigenvector of the largest eigenvalue of the symmetric tridiagonal matrix with diagonal <paramref name="alpha"/>
    /// and off-diagonal <paramref name="beta"/> (first <paramref name="size"/> rows), by cyclic Jacobi rotations on the
    /// dense matrix: at most <see cref="KrylovSize"/> rows, so simplicity wins over speed.
    /// </summary>
    private static double[] TopEigenvector(double[] alpha, double[] beta, int size)
    {
        var a = new double[size, size];
        var v = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            a[i, i] = alpha[i];
            v[i, i] = 1;
            if (i + 1 < size)
            {
                a[i, i + 1] = a[i + 1, i] = beta[i];
            }
        }
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            var diagonal = 0.0;
            for (var p = 0; p < size; p++)
            {
                diagonal += a[p, p] * a[p, p];
                for (var q = p + 1; q < size; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }
            if (off <= 1e-32 * diagonal)
            {
                break;
            }
            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }
                    // The rotation that zeroes a[p, q] (Golub & Van Loan, symmetric Schur decomposition).
                    var tau = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(tau) == -1 ? -1 / (-tau + Math.Sqrt(1 + (tau * tau))) : 1 / (tau + Math.Sqrt(1 + (tau * tau)));
                    var c = 1 / Math.Sqrt(1 + (t * t));
                    var s = t * c;
                    for (var k = 0; k < size; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = (c * akp) - (s * akq);
                        a[k, q] = (s * akp) + (c * akq);
                    }
                    for (var k = 0; k < size; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = (c * apk) - (s * aqk);
                        a[q, k] = (s * apk) + (c * aqk);
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = (c * vkp) - (s * vkq);
                        v[k, q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }
        var top = 0;
        for (var i = 1; i < size; i++)
        {
            if (a[i, i] > a[top, top])
            {
                top = i;
            }
        }
        var vector = new double[size];
        for (var i = 0; i < size; i++)
        {
            vector[i] = v[i, top];
        }
        return vector;
    }

    /// <summary>
    /// Vector operations over fixed chunks of nodes, in parallel above <see cref="ParallelWork.SequentialWork"/>; sums are
    /// taken per chunk and added in chunk order, so the results do not depend on the number of workers.
    /// </summary>
    private sealed class ChunkedVectors(int n, long productWork)
    {
        private const int ChunkSize = 4096;
        private readonly int _chunks = (n + ChunkSize - 1) / ChunkSize;
        private double[] _partial = [];

        private (int Start, int End) Range(int chunk) => (chunk * ChunkSize, Math.Min(n, (chunk + 1) * ChunkSize));

        /// <summary>y = A x, with an undirected self-loop counted twice (igraph's adjacency matrix).</summary>
        public void MultiplyByAdjacency(CsrGraph graph, double[] x, double[] y)
        {
            var offsets = graph.Offsets;
            var targets = graph.Targets;
            var weights = graph.EdgeWeights;
            var loops = graph.HasSelfLoops;
            ParallelWork.ForRanges(_chunks, productWork, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
            {
                for (var chunk = first; chunk < end; chunk++)
                {
                    var (start, stop) = Range(chunk);
                    for (var v = start; v < stop; v++)
                    {
                        var sum = 0.0;
                        if (weights is null && !loops)
                        {
                            for (var e = offsets[v]; e < offsets[v + 1]; e++)
                            {
                                sum += x[targets[e]];
                            }
                        }
                        else
                        {
                            for (var e = offsets[v]; e < offsets[v + 1]; e++)
                            {
                                var u = targets[e];
                                var w = weights is null ? 1.0 : weights[e];
                                sum += x[u] * (u == v ? 2 * w : w);
                            }
                        }
                        y[v] = sum;
                    }
                }
            });
        }

        public double Dot(double[] a, double[] b)
        {
            var partial = Partial(1);
            ParallelWork.ForRanges(_chunks, n, (first, end) =>
            {
                for (var chunk = first; chunk < end; chunk++)
                {
                    var (start, stop) = Range(chunk);
                    partial[chunk] = DotRange(a.AsSpan(start, stop - start), b.AsSpan(start, stop - start));
                }
            });
            var sum = 0.0;
            for (var chunk = 0; chunk < _chunks; chunk++)
            {
                sum += partial[chunk];
            }
            return sum;
        }

        /// <summary>Subtracts from <paramref name="w"/> its projections on basis[0..count); the projections' sizes go to <paramref name="coefficients"/>.</summary>
        public void Orthogonalise(double[][] basis, int count, double[] w, double[] coefficients)
        {
            var partial = Partial(count);
            ParallelWork.ForRanges(_chunks, (long)n * count, (first, end) =>
            {
                for (var chunk = first; chunk < end; chunk++)
                {
                    var (start, stop) = Range(chunk);
                    for (var i = 0; i < count; i++)
                    {
                        partial[(chunk * count) + i] = DotRange(basis[i].AsSpan(start, stop - start), w.AsSpan(start, stop - start));
                    }
                }
            });
            for (var i = 0; i < count; i++)
            {
                var sum = 0.0;
                for (var chunk = 0; chunk < _chunks; chunk++)
                {
                    sum += partial[(chunk * count) + i];
                }
                coefficients[i] = sum;
            }
            ParallelWork.ForRanges(_chunks, (long)n * count, (first, end) =>
            {
                for (var chunk = first; chunk < end; chunk++)
                {
                    var (start, stop) = Range(chunk);
                    for (var i = 0; i < count; i++)
                    {
                        SubtractScaled(w.AsSpan(start, stop - start), coefficients[i], basis[i].AsSpan(start, stop - start));
                    }
                }
            });
        }

        /// <summary>result = Σ coefficients[i] · basis[i] over the first <paramref name="count"/> basis vectors.</summary>
        public void Combine(double[][] basis, double[] coefficients, int count, double[] result)
        {
            ParallelWork.ForRanges(_chunks, (long)n * count, (first, end) =>
            {
                for (var chunk = first; chunk < end; chunk++)
                {
                    var (start, stop) = Range(chunk);
                    var target = result.AsSpan(start, stop - start);
                    target.Clear();
                    for (var i = 0; i < count; i++)
                    {
                        SubtractScaled(target, -coefficients[i], basis[i].AsSpan(start, stop - start));
                    }
                }
            });
        }

        public void Scale(double[] x, double factor)
        {
            ParallelWork.ForRanges(_chunks, n, (first, end) =>
            {
                for (var chunk = first; chunk < end; chunk++)
                {
                    var (start, stop) = Range(chunk);
                    for (var v = start; v < stop; v++)
                    {
                        x[v] *= factor;
                    }
                }
            });
        }

        /// <summary>A dot product in four-wide vector lanes (fixed lane and remainder order, so the same sum on every run).</summary>
        private static double DotRange(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            var sum = Vector256<double>.Zero;
            var i = 0;
            for (; i + 4 <= a.Length; i += 4)
            {
                sum += Vector256.Create(a.Slice(i, 4)) * Vector256.Create(b.Slice(i, 4));
            }
            var total = Vector256.Sum(sum);
            for (; i < a.Length; i++)
            {
                total += a[i] * b[i];
            }
            return total;
        }

        /// <summary>y −= factor · x over the spans.</summary>
        private static void SubtractScaled(Span<double> y, double factor, ReadOnlySpan<double> x)
        {
            var f = Vector256.Create(factor);
            var i = 0;
            for (; i + 4 <= y.Length; i += 4)
            {
                (Vector256.Create((ReadOnlySpan<double>)y.Slice(i, 4)) - (f * Vector256.Create(x.Slice(i, 4)))).CopyTo(y.Slice(i, 4));
            }
            for (; i < y.Length; i++)
            {
                y[i] -= factor * x[i];
            }
        }

        private double[] Partial(int perChunk)
        {
            if (_partial.Length < _chunks * perChunk)
            {
                _partial = new double[_chunks * perChunk];
            }
            return _partial;
        }
    }
}
