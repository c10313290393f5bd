using System.Numerics;
using System.Runtime.InteropServices;

namespace Connective.Graph.Algorithms;

/// <summary>
/// Approximate reach within k steps of every node by HyperANF (Boldi, Rosa and Vigna, 2011): each node keeps a
/// HyperLogLog sketch of its ball, and the ball of radius t is the union of its out-neighbours' balls of radius t−1.
/// </summary>
/// <remarks>
/// Sketches have 2^<c>log2Registers</c> registers of 4 bits (values saturate at 15, which the estimator models exactly),
/// read with Ertl's improved estimator (2017), whose relative standard error is about 1.04 / √registers with no
/// small-range bias. The hash is seeded, so results are reproducible for a seed. Memory: one sketch array of
/// 2^(log2Registers−1) bytes per node up to radius 2, two beyond.
/// </remarks>
public static class HyperAnf
{
    internal const int MaxRegisterValue = 15;

    /// <summary>Estimated reach within <paramref name="steps"/> steps of every node (the node itself excluded).</summary>
    /// <param name="graph">The graph; out-edges are followed when directed.</param>
    /// <param name="steps">The radius k ≥ 1.</param>
    /// <param name="seed">Seeds the hash of node ids.</param>
    /// <param name="log2Registers">Registers per node as a power of two, 8..14 (10 by default: about 3% standard error).</param>
    public static double[] ReachWithin(CsrGraph graph, int steps, ulong seed = 0x5EED, int log2Registers = 10)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(log2Registers, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(log2Registers, 14);
        var n = graph.NodeCount;
        var registers = 1 << log2Registers;
        var bytesPerNode = registers / 2;
        if ((long)n * bytesPerNode > Array.MaxLength)
        {
            throw new ArgumentException($"{n} nodes with 2^{log2Registers} registers each exceed one array; use fewer registers.", nameof(log2Registers));
        }
        var hashes = new int[n];
        for (var u = 0; u < n; u++)
        {
            var (index, value) = HashNode(u, seed, log2Registers);
            hashes[u] = (index << 4) | value;
        }
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        // Radius 1 straight from the hashes: cheaper than merging whole radius-0 sketches.
        var current = new byte[(long)n * bytesPerNode];
        Parallel.For(0, n, u =>
        {
            var sketch = current.AsSpan(Offset(u, bytesPerNode), bytesPerNode);
            SetRegister(sketch, hashes[u] >> 4, hashes[u] & 0xF);
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var h = hashes[targets[e]];
                SetRegister(sketch, h >> 4, h & 0xF);
            }
        });
        var estimates = new double[n];
        if (steps == 1)
        {
            Parallel.For(0, n, u => estimates[u] = Math.Max(0, Estimate(current.AsSpan(Offset(u, bytesPerNode), bytesPerNode), log2Registers) - 1));
            return estimates;
        }
        byte[]? next = null;
        for (var t = 2; t < steps; t++)
        {
            var source = current;
            var target = next ??= new byte[current.Length];
            Parallel.For(0, n, u =>
            {
                var ball = target.AsSpan(Offset(u, bytesPerNode), bytesPerNode);
                source.AsSpan(Offset(u, bytesPerNode), bytesPerNode).CopyTo(ball);
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    MaxInto(ball, source.AsSpan(Offset(targets[e], bytesPerNode), bytesPerNode));
                }
            });
            (current, next) = (target, current);
        }
        // The last radius is only estimated, never stored: each worker merges into one scratch sketch.
        var last = current;
        ParallelWork.ForChunks(n, 256, () => new byte[bytesPerNode], (start, end, ball) =>
        {
            for (var u = start; u < end; u++)
            {
                last.AsSpan(Offset(u, bytesPerNode), bytesPerNode).CopyTo(ball);
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    MaxInto(ball, last.AsSpan(Offset(targets[e], bytesPerNode), bytesPerNode));
                }
                estimates[u] = Math.Max(0, Estimate(ball, log2Registers) - 1);
            }
        });
        return estimates;
    }

    private static long Offset(int node, int bytesPerNode) => (long)node * bytesPerNode;

    private static Span<byte> AsSpan(this byte[] array, long start, int length) => array.AsSpan().Slice(checked((int)start), length);

    /// <summary>The register a node's hash falls in and its value: 1 + leading zeros of the remaining bits, saturated.</summary>
    internal static (int Index, int Value) HashNode(int node, ulong seed, int log2Registers)
    {
        var h = Mix(((ulong)(uint)node * 0x9E3779B97F4A7C15UL) ^ seed);
        var index = (int)(h >> (64 - log2Registers));
        var rest = h << log2Registers;
        var value = Math.Min(MaxRegisterValue, BitOperations.LeadingZeroCount(rest) + 1);
        return (index, value);
    }

    private static ulong Mix(ulong z)
    {
        // SplitMix64's finaliser: a bijection with good avalanche, so distinct nodes get independent-looking hashes.
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static void SetRegister(Span<byte> sketch, int index, int value)
    {
        ref var b = ref sketch[index >> 1];
        var shift = (index & 1) * 4;
        var old = (b >> shift) & 0xF;
        if (value > old)
        {
            b = (byte)((b & ~(0xF << shift)) | (value << shift));
        }
    }

    /// <summary>Register-wise maximum of two sketches of packed 4-bit registers, into <paramref name="into"/>.</summary>
    private static void MaxInto(Span<byte> into, ReadOnlySpan<byte> other)
    {
        var low = new Vector<byte>(0x0F);
        var high = new Vector<byte>(0xF0);
        var a = MemoryMarshal.Cast<byte, Vector<byte>>(into);
        var b = MemoryMarshal.Cast<byte, Vector<byte>>(other);
        // Masking keeps each nibble's order: max of the low nibbles and of the high nibbles, recombined.
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            a[i] = Vector.Max(x & low, y & low) | Vector.Max(x & high, y & high);
        }
        for (var i = a.Length * Vector<byte>.Count; i < into.Length; i++)
        {
            var x = into[i];
            var y = other[i];
            into[i] = (byte)(Math.Max(x & 0x0F, y & 0x0F) | Math.Max(x & 0xF0, y & 0xF0));
        }
    }

    /// <summary>Ertl's improved HyperLogLog estimator for registers with values 0..q+1 (here q + 1 = 15).</summary>
    internal static double Estimate(ReadOnlySpan<byte> sketch, int log2Registers)
    {
        Span<int> histogram = stackalloc int[MaxRegisterValue + 1];
        foreach (var b in sketch)
        {
            histogram[b & 0xF]++;
            histogram[b >> 4]++;
        }
        double m = 1 << log2Registers;
        const int Q = MaxRegisterValue - 1;
        var z = m * Tau(1 - (histogram[Q + 1] / m));
        for (var k = Q; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * Sigma(histogram[0] / m);
        const double AlphaInfinity = 0.7213475204444817; // 1 / (2 ln 2)
        return AlphaInfinity * m * m / z;
    }

    private static double Sigma(double x)
    {
        if (x == 1)
        {
            return double.PositiveInfinity;
        }
        var y = 1.0;
        var z = x;
        double previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    private static double Tau(double x)
    {
        if (x is 0 or 1)
        {
            return 0;
        }
        var y = 1.0;
        var z = 1 - x;
        double previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
